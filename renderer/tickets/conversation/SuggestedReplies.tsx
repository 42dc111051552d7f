import { Send, TextCursorInput } from 'lucide-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CannedVariable } from '../../../shared/domain/tickets/canned-variables';
import { textLang } from '../../../shared/i18n/text-lang';
import type { CannedReply } from '../../../shared/protocol';
import { Button } from '../../ui/Button';
import './SuggestedReplies.css';

export interface ShownSuggestion {
  canned: CannedReply;
  /** The body with {customer.name} etc. filled in for this conversation. */
  text: string;
  /** Variables with no value here: sending would show the customer braces, so only Insert is offered. */
  missing: readonly CannedVariable[];
  /** Already sent with one press for the message it answers. */
  sent: boolean;
}

export interface SuggestedRepliesProps {
  suggestions: readonly ShownSuggestion[];
  onSend: (suggestion: ShownSuggestion) => void;
  onInsert: (suggestion: ShownSuggestion) => void;
}

/**
 * The three canned replies that fit the customer's newest message, above
 * the reply box. Each shows the text the customer would get and two
 * buttons, Send first: the scanner offers a group's choices in order, so
 * the one press that answers the customer costs one highlight fewer than
 * Insert would, and a press that lands a step late (the usual switch
 * error) falls on Insert, which only fills the box, never on Send.
 */
export function SuggestedReplies({ suggestions, onSend, onInsert }: SuggestedRepliesProps) {
  const { t } = useTranslation('tickets');
  const titleId = useId();
  if (suggestions.length === 0) return null;
  return (
    <div role="group" aria-labelledby={titleId} className="suggested">
      <p id={titleId} className="suggested__heading">
        {t('conversation.suggested.title')}
      </p>
      <ol className="suggested__list">
        {suggestions.map((s, index) => (
          <SuggestionItem
            key={s.canned.id}
            suggestion={s}
            index={index}
            onSend={() => onSend(s)}
            onInsert={() => onInsert(s)}
          />
        ))}
      </ol>
    </div>
  );
}

function SuggestionItem({
  suggestion,
  index,
  onSend,
  onInsert,
}: {
  suggestion: ShownSuggestion;
  index: number;
  onSend: () => void;
  onInsert: () => void;
}) {
  const { t } = useTranslation('tickets');
  const nameId = useId();
  const textId = useId();
  const whyId = useId();
  const { canned, text, missing, sent } = suggestion;
  const blocked = missing.length > 0 || sent;
  return (
    <li className="suggested__item">
      <div role="group" aria-labelledby={nameId} className="suggested__group">
        <p id={nameId} className="suggested__name">
          <span className="visually-hidden">{t('conversation.suggested.number', { number: index + 1 })}</span>
          <span lang={textLang(canned.title)}>{canned.title}</span>{' '}
          <span className="suggested__shortcut">{canned.shortcut}</span>
        </p>
        <p id={textId} className="suggested__text" lang={textLang(text)}>
          {text}
        </p>
        {blocked ? (
          <p id={whyId} className="suggested__why">
            {sent
              ? t('conversation.suggested.sent')
              : t('conversation.suggested.missing', { names: missing.map((m) => `{${m}}`).join(', ') })}
          </p>
        ) : null}
        <div className="suggested__actions">
          <Button
            primary
            icon={Send}
            aria-describedby={blocked ? `${textId} ${whyId}` : textId}
            aria-disabled={blocked || undefined}
            onClick={() => {
              if (!blocked) onSend();
            }}
          >
            {t('conversation.suggested.send')}
          </Button>
          <Button icon={TextCursorInput} aria-describedby={textId} onClick={onInsert}>
            {t('conversation.suggested.insert')}
          </Button>
        </div>
      </div>
    </li>
  );
}
