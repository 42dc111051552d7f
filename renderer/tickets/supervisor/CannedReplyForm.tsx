import { Braces } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cannedVariables, unknownVariables } from '../../../shared/domain/tickets/canned-variables';
import { codePointLength } from '../../../shared/protocol/text';
import { ticketBodyMax, type CannedReply } from '../../../shared/protocol/tickets';
import { useDraft } from '../../session/hooks';
import { useSession } from '../../session/SessionProvider';
import { Button } from '../../ui/Button';
import { CharacterCount } from '../../ui/CharacterCount';
import { TextAreaField, TextField } from '../../ui/Field';
import { cannedDraftKey, type CannedDraft, type CannedScope } from '../canned-store';
import {
  cannedTitleMax,
  checkCanned,
  insertAt,
  type CannedFieldError,
  type CannedFormValues,
} from './canned-form';
import '../../a11y/settings/controls.css';
import '../../ui/Field.css';

type Locale = CannedFormValues['locale'];
/** The select's value for "any language" (a reply without a locale). */
const anyLocale = 'any';
const locales: readonly (typeof anyLocale | 'zh-CN' | 'en')[] = [anyLocale, 'zh-CN', 'en'];

export interface CannedReplyFormProps {
  /** The reply being changed; null for a new one. */
  reply: CannedReply | null;
  /** Where it may be kept: `org` for supervisors only; `agent` alone when kept for `ownerId`. */
  scopes: readonly CannedScope[];
  /** The agent a supervisor keeps it for (scope `agent`); absent for the worker's own lists. */
  ownerId?: number;
  /** Every reply the worker sees, to find a shortcut already in use. */
  visible: readonly CannedReply[];
  /** Queues the checked reply; resolves with an error's words, or null once it is queued. */
  onSave: (draft: CannedDraft, draftKey: string) => Promise<string | null>;
  onCancel: () => void;
}

/**
 * A canned reply's shortcut, title, language and text, checked as the hub
 * will check it before it is queued: unknown variables show as an error while
 * typing, and the three variables go in with a button each, at the caret.
 * The text is a draft on the host's disk while it is written, so a long reply
 * typed by switch survives a crash, and "Copy back" can return a refused one.
 */
export function CannedReplyForm({ reply, scopes, ownerId, visible, onSave, onCancel }: CannedReplyFormProps) {
  const { t } = useTranslation('tickets');
  const session = useSession();
  const key = cannedDraftKey(reply?.id ?? null, ownerId ?? null);
  const [draft, setDraft] = useDraft(key);
  const [typed, setTyped] = useState<string | null>(null);
  const [shortcut, setShortcut] = useState(reply?.shortcut ?? '/');
  const [title, setTitle] = useState(reply?.title ?? '');
  const [locale, setLocale] = useState<Locale>(reply?.locale ?? null);
  const [scope, setScope] = useState<CannedScope>(
    ownerId !== undefined
      ? 'agent'
      : reply
        ? reply.ownerId === null
          ? 'org'
          : 'mine'
        : (scopes[0] ?? 'mine'),
  );
  const [errors, setErrors] = useState<CannedFieldError[]>([]);
  const [failed, setFailed] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const shortcutRef = useRef<HTMLInputElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const selection = useRef<{ start: number; end: number } | null>(null);
  const scopeName = useId();
  const countId = useId();
  const failedId = useId();
  const bodyLabel = t('supervisor.canned.body');

  // What was being written (kept on the host) wins over the stored reply: it is newer.
  const restored = typed === null && draft.loaded && draft.text !== '';
  const body = typed ?? (restored ? draft.text : (reply?.body ?? ''));
  const setBody = (text: string) => {
    setTyped(text);
    setDraft(text);
  };

  useEffect(() => shortcutRef.current?.focus(), []);
  useEffect(
    () =>
      session.composers.register(key, {
        label: bodyLabel,
        route: '#/tickets',
        focus: () => bodyRef.current?.focus(),
      }),
    [session, key, bodyLabel],
  );

  const unknown = unknownVariables(body);
  const words = (error: CannedFieldError): string => {
    switch (error.field) {
      case 'shortcut':
        return error.problem === 'format'
          ? t('supervisor.canned.errors.shortcutFormat')
          : t('supervisor.canned.errors.shortcutTaken');
      case 'title':
        return error.problem === 'required'
          ? t('supervisor.canned.errors.titleRequired')
          : t('supervisor.canned.errors.titleTooLong', { max: cannedTitleMax });
      case 'body':
        if (error.problem === 'unknownVariables') return unknownWords(error.names);
        if (error.problem === 'required') return t('supervisor.canned.errors.bodyRequired');
        if (error.problem === 'tooLong')
          return t('supervisor.canned.errors.bodyTooLong', { max: ticketBodyMax });
        return t('supervisor.canned.errors.bodyNotText');
    }
  };
  const unknownWords = (names: readonly string[]) =>
    t('supervisor.canned.errors.unknownVariables', {
      names: names.map((n) => `{${n}}`).join(', '),
      known: cannedVariables.map((n) => `{${n}}`).join(' '),
    });
  const errorOf = (field: CannedFieldError['field']): string | undefined => {
    // Unknown variables show while typing, not only after Save: the worker sees the typo at once.
    if (field === 'body' && unknown.length > 0) return unknownWords(unknown);
    const found = errors.find((e) => e.field === field);
    return found ? words(found) : undefined;
  };

  const insert = (name: string) => {
    const next = insertAt(body, `{${name}}`, selection.current);
    setBody(next.body);
    selection.current = { start: next.caret, end: next.caret };
    // Back to the text with the caret after what went in, ready to type on.
    requestAnimationFrame(() => {
      const el = bodyRef.current;
      if (!el) return;
      el.focus();
      el.setSelectionRange(next.caret, next.caret);
    });
  };

  const save = async () => {
    if (saving) return;
    const checked = checkCanned({ scope, shortcut, title, body, locale }, reply?.id ?? null, visible);
    if (!checked.ok) {
      setErrors(checked.errors);
      const first = checked.errors[0]?.field;
      if (first === 'shortcut') shortcutRef.current?.focus();
      else if (first === 'body') bodyRef.current?.focus();
      else if (first === 'title') titleRef.current?.focus();
      return;
    }
    setErrors([]);
    setSaving(true);
    const problem = await onSave(ownerId === undefined ? checked.draft : { ...checked.draft, ownerId }, key);
    setSaving(false);
    if (problem !== null) {
      setFailed(problem);
      return;
    }
    // Queued on the host's disk: the outbox has the text now, the draft can go.
    setDraft('');
  };

  const cancel = () => {
    setDraft('');
    onCancel();
  };

  const length = codePointLength(body.trim());
  return (
    <form
      className="canned-form"
      noValidate
      aria-describedby={failed ? failedId : undefined}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {scopes.length > 1 ? (
        <fieldset className="choice-group">
          <legend className="choice-group__legend">{t('supervisor.canned.scope')}</legend>
          <div className="choice-group__choices choice-group--inline">
            {scopes.map((s) => (
              <label key={s} className="choice">
                <input type="radio" name={scopeName} checked={scope === s} onChange={() => setScope(s)} />
                <span>{t(`supervisor.canned.scopes.${s}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <TextField
        ref={shortcutRef}
        label={t('supervisor.canned.shortcut')}
        hint={t('supervisor.canned.shortcutHint')}
        error={errorOf('shortcut')}
        value={shortcut}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => {
          setShortcut(event.target.value);
          setErrors((list) => list.filter((e) => e.field !== 'shortcut'));
        }}
      />
      <TextField
        ref={titleRef}
        label={t('supervisor.canned.titleLabel')}
        hint={t('supervisor.canned.titleHint')}
        error={errorOf('title')}
        value={title}
        onChange={(event) => {
          setTitle(event.target.value);
          setErrors((list) => list.filter((e) => e.field !== 'title'));
        }}
      />
      <div className="field">
        <label htmlFor={`${scopeName}-locale`} className="field__label">
          {t('supervisor.canned.locale')}
        </label>
        <select
          id={`${scopeName}-locale`}
          className="field__control"
          value={locale ?? anyLocale}
          onChange={(event) => {
            const value = locales.find((l) => l === event.target.value) ?? anyLocale;
            setLocale(value === anyLocale ? null : value);
          }}
        >
          {locales.map((l) => (
            <option key={l} value={l}>
              {t(`supervisor.canned.locales.${l}`)}
            </option>
          ))}
        </select>
      </div>
      {restored ? <p className="field__hint">{t('supervisor.canned.restored')}</p> : null}
      <TextAreaField
        ref={bodyRef}
        label={bodyLabel}
        hint={t('supervisor.canned.bodyHint')}
        error={errorOf('body')}
        describedBy={countId}
        value={body}
        rows={5}
        onChange={(event) => {
          setBody(event.target.value);
          setErrors((list) => list.filter((e) => e.field !== 'body'));
        }}
        onSelect={(event) => {
          const el = event.currentTarget;
          selection.current = { start: el.selectionStart, end: el.selectionEnd };
        }}
      />
      <CharacterCount id={countId} count={length} max={ticketBodyMax} />
      <div role="group" aria-label={t('supervisor.canned.insertVariable')} className="canned-form__variables">
        {cannedVariables.map((name) => (
          <Button key={name} icon={Braces} onClick={() => insert(name)}>
            {`{${name}}`}
          </Button>
        ))}
      </div>
      <p id={failedId} role="alert" className="supervisor__error">
        {failed}
      </p>
      <div className="supervisor__actions">
        <Button type="submit" primary aria-disabled={saving || undefined}>
          {t('supervisor.canned.save')}
        </Button>
        <Button onClick={cancel}>{t('supervisor.cancel')}</Button>
      </div>
    </form>
  );
}
