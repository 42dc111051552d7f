import { BookText, Lock, MessageCircle } from 'lucide-react';
import {
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ChangeEvent,
  type KeyboardEvent,
  type SyntheticEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { NotSentEntry } from '../../../shared/bridge';
import { fillCanned, variablesIn, type CannedValues } from '../../../shared/domain/tickets/canned-variables';
import type { CannedReply, TicketDetail } from '../../../shared/protocol';
import { ticketsProtocol } from '../../../shared/protocol';
import { codePointLength } from '../../../shared/protocol/text';
import { useRegisterAction } from '../../a11y/keyboard/actions';
import { cannedPhrasesOf, offerCannedPhrases } from '../../a11y/text-entry/canned-phrases';
import { useDraft, useSessionStore, useSessionUser } from '../../session/hooks';
import { useSession } from '../../session/SessionProvider';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { CharacterCount } from '../../ui/CharacterCount';
import { TextAreaField } from '../../ui/Field';
import { Icon } from '../../ui/Icon';
import { CannedPicker } from './CannedPicker';
import {
  insertAtCaret,
  matchShortcut,
  replaceShortcut,
  shortcutAt,
  type TypedShortcut,
} from './canned-shortcut';
import { CollisionNotice } from './CollisionNotice';
import { noteDraftKey, replyDraftKey, type ComposeMode, type ConversationStore } from './conversation-store';
import { conversationsStore } from './conversations-store';
import { SuggestedReplies, type ShownSuggestion } from './SuggestedReplies';
import './ReplyBox.css';

const maxBody = ticketsProtocol.ticketBodyMax;
/** The on-screen keyboard learns words from the canned replies offered under this name. */
const cannedSet = 'ticket-reply';

export interface ReplyBoxProps {
  store: ConversationStore;
  detail: TicketDetail;
  /** "Changed" refusals of replies in this conversation, from the not-sent list. */
  refused: readonly NotSentEntry[];
  /** Messages from others newer than the reply's basis, while a reply is held back or refused. */
  newCount: number;
  onReviewNew: () => void;
}

/**
 * Where the agent writes: a reply the customer reads or an internal note
 * only colleagues see (a switch of two radio buttons), with canned replies
 * (button, "/shortcut" + Tab or Enter, the command palette), the suggested
 * replies above, and the collision notice in place of a send that would
 * talk past new messages. Each mode's text is its own draft on the host's
 * disk, so it survives a restart.
 */
export function ReplyBox({ store, detail, refused, newCount, onReviewNew }: ReplyBoxProps) {
  const { t } = useTranslation(['tickets', 'errors']);
  const session = useSession();
  const user = useSessionUser();
  const conversations = useSessionStore(conversationsStore);
  const canned = useSyncExternalStore(conversations.canned.subscribe, () => conversations.canned.list);
  const mode = useSyncExternalStore(store.subscribe, () => store.mode);
  const block = useSyncExternalStore(store.subscribe, () => store.block);
  const suggestions = useSyncExternalStore(store.subscribe, () => store.suggestions);
  const suggestFor = useSyncExternalStore(store.subscribe, () => store.suggestFor);
  const sentSuggestions = useSyncExternalStore(store.subscribe, () => store.sentSuggestions);
  const { ticketId } = store;
  const internal = mode === 'note';
  const draftKey = internal ? noteDraftKey(ticketId) : replyDraftKey(ticketId);
  const [draft, setText] = useDraft(draftKey);
  const text = draft.text;
  const [error, setError] = useState<{ text: string; invalid: boolean } | null>(null);
  const [status, setStatus] = useState('');
  const [hint, setHint] = useState<{ typed: string; title: string } | null>(null);
  const [pickerOpen, setPickerOpen] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const pickerButton = useRef<HTMLButtonElement>(null);
  /** Where the caret goes once the text set by an insertion is in the box. */
  const caretAfter = useRef<number | null>(null);
  const sending = useRef<string | null>(null);
  const modeName = useId();
  const alertId = useId();
  const countId = useId();
  const hintId = useId();
  const tooLongId = useId();
  const pickerId = useId();

  const values = useMemo<CannedValues>(
    () => ({
      'customer.name': detail.customer.name,
      'order.id': detail.order?.number ?? detail.ticket.orderNumber,
      'agent.name': user.displayName,
    }),
    [detail.customer.name, detail.order?.number, detail.ticket.orderNumber, user.displayName],
  );

  const number = detail.ticket.number;
  const replyLabel = t('conversation.compose.reply');
  const noteLabel = t('conversation.compose.note');
  const composerReply = t('conversation.compose.composerReply', { number });
  const composerNote = t('conversation.compose.composerNote', { number });

  // "Copy back" from the not-sent list finds each box by its draft key, switches to it and focuses it.
  useEffect(() => {
    const route = `#/tickets/${ticketId}`;
    const offReply = session.composers.register(replyDraftKey(ticketId), {
      label: composerReply,
      route,
      focus: () => {
        store.setMode('reply');
        textarea.current?.focus();
      },
    });
    const offNote = session.composers.register(noteDraftKey(ticketId), {
      label: composerNote,
      route,
      focus: () => {
        store.setMode('note');
        textarea.current?.focus();
      },
    });
    return () => {
      offReply();
      offNote();
    };
  }, [session, store, ticketId, composerReply, composerNote]);

  // The canned replies as this conversation fills them teach the on-screen keyboard's predictions.
  const cannedTexts = useMemo(() => canned.map((c) => fillCanned(c.body, values).text), [canned, values]);
  useEffect(() => offerCannedPhrases(cannedSet, cannedTexts), [cannedTexts]);

  // A reply typed before the history loaded (or kept from an earlier run) is based on what shows now.
  useEffect(() => {
    if (!internal && draft.loaded) store.replyTextChanged(draft.text);
  }, [store, internal, draft.loaded, draft.text]);

  useLayoutEffect(() => {
    const at = caretAfter.current;
    const el = textarea.current;
    if (at === null || !el || el.value !== text) return;
    caretAfter.current = null;
    el.setSelectionRange(at, at);
  }, [text]);

  const shownSuggestions = useMemo<ShownSuggestion[]>(
    () =>
      suggestions.flatMap((s) => {
        const reply = canned.find((c) => c.id === s.cannedId);
        if (!reply) return [];
        const { text: filled, missing } = fillCanned(reply.body, values);
        return [
          {
            canned: reply,
            text: filled,
            missing,
            sent: sentSuggestions.has(`${suggestFor ?? 0}:${reply.id}`),
          },
        ];
      }),
    [suggestions, canned, values, sentSuggestions, suggestFor],
  );

  const say = (missing: readonly string[], title: string) =>
    setStatus(
      missing.length === 0
        ? t('conversation.canned.inserted', { title })
        : t('conversation.canned.insertedMissing', { title, names: missing.map((m) => `{${m}}`).join(', ') }),
    );

  /** Puts a canned reply in the box (replacing a typed "/shortcut", or at the caret), filled for this customer. */
  const insertCanned = (reply: CannedReply, at?: TypedShortcut) => {
    const el = textarea.current;
    const current = el?.value ?? text;
    const { text: filled, missing } = fillCanned(reply.body, values);
    const next = at
      ? replaceShortcut(current, at, filled)
      : insertAtCaret(current, el?.selectionStart ?? current.length, filled);
    caretAfter.current = next.caret;
    setText(next.text);
    if (!internal) {
      store.setCannedId(reply.id);
      store.replyTextChanged(next.text);
    }
    setHint(null);
    setError(null);
    say(missing, reply.title);
    el?.focus();
  };

  const insertSuggestion = (s: ShownSuggestion) => {
    store.setMode('reply');
    const key = replyDraftKey(ticketId);
    const replyDraft = session.drafts.get(key);
    const current = replyDraft.snapshot.text;
    const next = insertAtCaret(current, current.length, s.text);
    caretAfter.current = next.caret;
    replyDraft.set(next.text);
    store.setCannedId(s.canned.id);
    store.replyTextChanged(next.text);
    say(s.missing, s.canned.title);
    textarea.current?.focus();
  };

  const sendSuggestion = async (s: ShownSuggestion) => {
    const outcome = await store.sendSuggestion(s.canned.id, s.text);
    if (outcome.kind === 'queued') setStatus(t('conversation.suggested.queued', { title: s.canned.title }));
    else if (outcome.kind === 'failed')
      setError({
        text: t('conversation.compose.saveFailed', { reason: t(`errors:codes.${outcome.code}`) }),
        invalid: false,
      });
  };

  const send = async (force = false) => {
    // What is in the box now, not this render's: the agent may type on while a reply is kept.
    const key = internal ? noteDraftKey(ticketId) : replyDraftKey(ticketId);
    const draftNow = session.drafts.get(key);
    let body = draftNow.snapshot.text.trim();
    if (force && body === '') body = refused[0]?.typed?.trim() ?? '';
    if (body !== '' && sending.current === body) return;
    if (!body) {
      setError({
        text: t(internal ? 'conversation.compose.noteRequired' : 'conversation.compose.replyRequired'),
        invalid: true,
      });
      textarea.current?.focus();
      return;
    }
    if (!ticketsProtocol.ticketBodySchema.safeParse(body).success) {
      setError({
        text: t('conversation.compose.tooLong', { max: maxBody, count: codePointLength(body) }),
        invalid: true,
      });
      textarea.current?.focus();
      return;
    }
    const unfilled = variablesIn(body);
    if (!internal && unfilled.length > 0) {
      // The customer would read "{order.id}": the agent fills it first.
      setError({
        text: t('conversation.compose.unfilled', { names: unfilled.map((m) => `{${m}}`).join(', ') }),
        invalid: true,
      });
      textarea.current?.focus();
      return;
    }
    setError(null);
    sending.current = body;
    try {
      const cannedId = internal ? undefined : (store.cannedId ?? undefined);
      const outcome = await store.send({
        body,
        internal,
        force,
        ...(cannedId === undefined ? {} : { cannedId }),
      });
      if (outcome.kind === 'queued') {
        // Only what was sent leaves the box: text typed while it was being kept stays.
        if (draftNow.snapshot.text.trim() === body) {
          draftNow.set('');
          if (!internal) store.replyTextChanged('');
        }
        setStatus(t(internal ? 'conversation.compose.noteQueued' : 'conversation.compose.replyQueued'));
      } else if (outcome.kind === 'failed') {
        setError({
          text: t('conversation.compose.saveFailed', { reason: t(`errors:codes.${outcome.code}`) }),
          invalid: outcome.code === 'invalid_input',
        });
      }
      // Blocked: the collision notice says why, the text stays.
    } finally {
      if (sending.current === body) sending.current = null;
    }
  };

  const openPicker = () => {
    setPickerOpen(true);
  };
  const closePicker = (focusBox: boolean) => {
    setPickerOpen(false);
    if (focusBox) textarea.current?.focus();
    else pickerButton.current?.focus();
  };

  const group = t('conversation.actions.group');
  useRegisterAction({
    id: 'tickets.reply.focus',
    label: t('conversation.actions.focusReply'),
    group,
    defaultBindings: ['Alt+R', 'F8 R'],
    run: () => textarea.current?.focus(),
  });
  useRegisterAction({
    id: 'tickets.reply.canned',
    label: t('conversation.actions.insertCanned'),
    group,
    defaultBindings: ['Alt+C', 'F8 C'],
    run: openPicker,
  });
  // Ctrl+Enter sends from the box; a global key would send from anywhere, so none by default.
  useRegisterAction({
    id: 'tickets.reply.send',
    label: t('conversation.actions.sendReply'),
    group,
    run: () => void send(),
  });

  const updateHint = (el: HTMLTextAreaElement) => {
    if (el.selectionStart !== el.selectionEnd) {
      setHint(null);
      return;
    }
    const at = shortcutAt(el.value, el.selectionStart);
    const match = at ? matchShortcut(at.typed, canned) : null;
    setHint(at && match ? { typed: at.typed, title: match.title } : null);
  };

  const onChange = (event: ChangeEvent<HTMLTextAreaElement>) => {
    const value = event.target.value;
    setText(value);
    if (value.trim()) store.typed(internal);
    if (!internal) store.replyTextChanged(value);
    if (error) setError(null);
    updateHint(event.target);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void send();
      return;
    }
    if (
      (event.key !== 'Tab' && event.key !== 'Enter') ||
      event.shiftKey ||
      event.altKey ||
      event.ctrlKey ||
      event.metaKey
    )
      return;
    const el = event.currentTarget;
    if (el.selectionStart !== el.selectionEnd) return;
    const at = shortcutAt(el.value, el.selectionStart);
    const match = at ? matchShortcut(at.typed, canned) : null;
    // No shortcut before the caret: Tab moves on and Enter breaks the line, as always.
    if (!at || !match) return;
    event.preventDefault();
    insertCanned(match, at);
  };

  const length = codePointLength(text.trim());
  const tooLong = length > maxBody;
  const collisionShown = !internal && (block !== null || refused.length > 0);
  const alertText = error?.text ?? null;

  return (
    <div className="reply-box">
      <CollisionNotice
        shown={collisionShown}
        count={newCount}
        refused={block === null && refused.length > 0}
        onReview={() => {
          store.reviewed();
          onReviewNew();
        }}
        onSendAnyway={() => void send(true)}
      />
      <SuggestedReplies
        suggestions={shownSuggestions}
        onSend={(s) => void sendSuggestion(s)}
        onInsert={insertSuggestion}
      />
      <form
        className={['reply-box__form', internal ? 'reply-box__form--note' : null].filter(Boolean).join(' ')}
        aria-label={t('conversation.compose.formLabel', { number })}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <fieldset className="reply-box__mode">
          <legend className="visually-hidden">{t('conversation.compose.modeLegend')}</legend>
          {(['reply', 'note'] as const satisfies readonly ComposeMode[]).map((m) => (
            <label
              key={m}
              className={['reply-box__mode-option', mode === m ? 'reply-box__mode-option--on' : null]
                .filter(Boolean)
                .join(' ')}
            >
              <input
                type="radio"
                name={modeName}
                value={m}
                checked={mode === m}
                onChange={() => {
                  store.setMode(m);
                  setError(null);
                  setHint(null);
                }}
              />
              <Icon icon={m === 'note' ? Lock : MessageCircle} size="sm" />
              <span>{m === 'note' ? noteLabel : replyLabel}</span>
            </label>
          ))}
        </fieldset>
        <Alert id={alertId}>{alertText}</Alert>
        <TextAreaField
          ref={textarea}
          className={internal ? 'reply-box__field reply-box__field--note' : 'reply-box__field'}
          label={
            internal ? (
              <>
                <Icon icon={Lock} size="sm" /> {noteLabel}
              </>
            ) : (
              replyLabel
            )
          }
          hint={t(internal ? 'conversation.compose.noteHint' : 'conversation.compose.replyHint')}
          {...cannedPhrasesOf(cannedSet)}
          describedBy={[alertText ? alertId : null, hint ? hintId : null, countId].filter(Boolean).join(' ')}
          aria-invalid={error?.invalid ? true : undefined}
          value={text}
          rows={4}
          onChange={onChange}
          onKeyDown={onKeyDown}
          onSelect={(event: SyntheticEvent<HTMLTextAreaElement>) => updateHint(event.currentTarget)}
        />
        <p id={hintId} role="status" className="reply-box__hint">
          {hint ? t('conversation.canned.shortcutHint', { title: hint.title, typed: hint.typed }) : null}
        </p>
        <p role="status" className="reply-box__status">
          {status}
        </p>
        <div className="reply-box__actions">
          <Button
            ref={pickerButton}
            icon={BookText}
            aria-expanded={pickerOpen}
            aria-controls={pickerOpen ? pickerId : undefined}
            onClick={() => (pickerOpen ? closePicker(false) : openPicker())}
          >
            {t('conversation.canned.open')}
          </Button>
          <CharacterCount className="reply-box__count" id={countId} count={length} max={maxBody} />
          {tooLong ? (
            <p id={tooLongId} className="visually-hidden">
              {t('conversation.compose.tooLong', { max: maxBody, count: length })}
            </p>
          ) : null}
          <Button
            type="submit"
            primary
            className="reply-box__send"
            aria-disabled={tooLong || undefined}
            aria-describedby={tooLong ? tooLongId : undefined}
          >
            {internal ? t('conversation.compose.addNote') : t('conversation.compose.sendReply')}
          </Button>
        </div>
      </form>
      {pickerOpen ? (
        <CannedPicker
          id={pickerId}
          canned={canned}
          values={values}
          onPick={(reply) => {
            setPickerOpen(false);
            insertCanned(reply);
          }}
          onClose={() => closePicker(false)}
        />
      ) : null}
    </div>
  );
}
