import { X } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ticketPriorities, type TicketPriority } from '../../../shared/domain/tickets/ticket-status';
import { textLang } from '../../../shared/i18n/text-lang';
import { ticketsProtocol, type TicketSummary } from '../../../shared/protocol';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';

const maxTags = 12;

export interface TicketEditPanelProps {
  id: string;
  ticket: TicketSummary;
  onSave: (change: { priority: TicketPriority; tags: string[] }) => void | Promise<void>;
  onCancel: () => void;
}

/** Priority (four radio buttons) and tags (each with its own Remove button, and a field to add one). */
export function TicketEditPanel({ id, ticket, onSave, onCancel }: TicketEditPanelProps) {
  const { t } = useTranslation('tickets');
  const [priority, setPriority] = useState<TicketPriority>(ticket.priority);
  const [tags, setTags] = useState<string[]>(ticket.tags);
  const [newTag, setNewTag] = useState('');
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const name = useId();
  const heading = useRef<HTMLParagraphElement>(null);
  const tagField = useRef<HTMLInputElement>(null);

  useEffect(() => heading.current?.focus(), []);

  const add = () => {
    const tag = newTag.trim();
    if (tag === '') return;
    if (!ticketsProtocol.tagSchema.safeParse(tag).success) {
      setError(t('conversation.edit.tagInvalid'));
      return;
    }
    if (tags.length >= maxTags) {
      setError(t('conversation.edit.tooManyTags', { max: maxTags }));
      return;
    }
    setError(null);
    if (!tags.includes(tag)) setTags([...tags, tag]);
    setNewTag('');
    tagField.current?.focus();
  };

  return (
    <div
      id={id}
      role="group"
      aria-labelledby={titleId}
      className="action-panel"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        onCancel();
      }}
    >
      <p id={titleId} ref={heading} tabIndex={-1} className="action-panel__title">
        {t('conversation.edit.title')}
      </p>
      <fieldset className="action-panel__choices action-panel__choices--row">
        <legend className="action-panel__legend">{t('conversation.edit.priority')}</legend>
        {ticketPriorities.map((p) => (
          <label key={p} className="action-panel__choice">
            <input
              type="radio"
              name={name}
              value={p}
              checked={priority === p}
              onChange={() => setPriority(p)}
            />
            <span>{t(`conversation.priority.${p}`)}</span>
          </label>
        ))}
      </fieldset>
      <p className="action-panel__legend" id={`${titleId}-tags`}>
        {t('conversation.edit.tags')}
      </p>
      {tags.length === 0 ? (
        <p>{t('conversation.edit.noTags')}</p>
      ) : (
        <ul className="action-panel__tags" aria-labelledby={`${titleId}-tags`}>
          {tags.map((tag) => (
            <li key={tag} className="action-panel__tag">
              <span lang={textLang(tag)}>{tag}</span>
              <Button
                icon={X}
                aria-label={t('conversation.edit.removeTag', { tag })}
                onClick={() => setTags(tags.filter((x) => x !== tag))}
              >
                {t('conversation.edit.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="action-panel__row">
        <TextField
          ref={tagField}
          label={t('conversation.edit.newTag')}
          value={newTag}
          maxLength={32}
          error={error ?? undefined}
          onChange={(event) => {
            setNewTag(event.target.value);
            setError(null);
          }}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            add();
          }}
        />
        <Button onClick={add}>{t('conversation.edit.addTag')}</Button>
      </div>
      <div className="action-panel__row">
        <Button primary onClick={() => void onSave({ priority, tags })}>
          {t('conversation.edit.save')}
        </Button>
        <Button onClick={onCancel}>{t('conversation.actions.cancel')}</Button>
      </div>
    </div>
  );
}
