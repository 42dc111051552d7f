import { Plus } from 'lucide-react';
import { useEffect, useId, useRef, useState, useSyncExternalStore, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxEntry } from '../../../shared/bridge';
import { textLang } from '../../../shared/i18n/text-lang';
import { errorCodes, type CannedReply, type ErrorCode } from '../../../shared/protocol';
import { useConnectionState, useSessionStore, useSessionUser } from '../../session/hooks';
import { useSession } from '../../session/SessionProvider';
import { Button } from '../../ui/Button';
import { agentsStore } from '../agents-store';
import { agentCannedStore, cannedStore, type CannedDraft, type CannedScope } from '../canned-store';
import { CannedReplyForm } from './CannedReplyForm';
import { SaveFeedback, type Feedback } from './SaveFeedback';
import '../../ui/Field.css';
import './supervisor.css';

export interface CannedRepliesEditorProps extends HTMLAttributes<HTMLElement> {
  /** Which lists it edits: a supervisor both, an agent their own (`mine`) only. */
  scopes: readonly CannedScope[];
  /** The heading's level: 3 inside the supervisor view, 2 where it stands alone. */
  headingLevel?: 2 | 3;
}

/** Which reply an outbox entry is about, if any. */
function cannedIdOf(entry: OutboxEntry): number | null {
  const id = entry.payload.cannedId;
  return typeof id === 'number' ? id : null;
}

/** The agent a queued save keeps a reply for (scope `agent`), if any. */
function ownerIdOf(entry: OutboxEntry): number | null {
  const id = entry.payload.ownerId;
  return typeof id === 'number' ? id : null;
}

/** One list on screen: its heading, its empty-state words and its replies. */
interface ReplyList {
  key: string;
  title: string;
  empty: string;
  replies: readonly CannedReply[];
}

/**
 * The canned replies the worker may change: the organisation's (for a
 * supervisor) and their own, each listed with its shortcut, title, language
 * and text, with Edit and Delete (which asks first, in buttons, no timing).
 * A supervisor also chooses, in a plain select, one agent whose personal
 * replies to manage instead. Saves and deletions go through the outbox; one
 * the hub refuses is said here and kept in "Not sent" with its text.
 */
export function CannedRepliesEditor({
  scopes,
  headingLevel = 3,
  className,
  ...rest
}: CannedRepliesEditorProps) {
  const { t } = useTranslation(['tickets', 'errors', 'outbox']);
  const session = useSession();
  const user = useSessionUser();
  const store = useSessionStore(cannedStore);
  const list = useSyncExternalStore(store.subscribe, () => store.list);
  const loaded = useSyncExternalStore(store.subscribe, () => store.loaded);
  const loadError = useSyncExternalStore(store.subscribe, () => store.error);
  const waiting = useSyncExternalStore(store.subscribe, () => store.waiting);
  const agents = useSessionStore(agentsStore);
  const agentList = useSyncExternalStore(agents.subscribe, () => agents.agents);
  const theirs = useSessionStore(agentCannedStore);
  const theirList = useSyncExternalStore(theirs.subscribe, () => theirs.list);
  const theirLoaded = useSyncExternalStore(theirs.subscribe, () => theirs.loaded);
  const theirError = useSyncExternalStore(theirs.subscribe, () => theirs.error);
  const connection = useConnectionState();
  /** Whose personal replies a supervisor manages; null: the organisation's and their own. */
  const [whose, setWhose] = useState<number | null>(null);
  /** `new`, a reply's id being edited, or nothing open. */
  const [open, setOpen] = useState<'new' | number | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const newButton = useRef<HTMLButtonElement>(null);
  const itemButtons = useRef(new Map<number, HTMLButtonElement>());
  const headingId = useId();
  const whoseId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';

  // A save or deletion the hub refused: said here at once (its text waits in "Not sent").
  useEffect(
    () =>
      session.outbox.onNotSent((entry, reason) => {
        if (entry.event !== 'canned.save' && entry.event !== 'canned.delete') return;
        const shortcut = typeof entry.payload.shortcut === 'string' ? entry.payload.shortcut : '';
        const why =
          entry.event === 'canned.save' && reason.code === 'conflict'
            ? t('supervisor.canned.refusedTaken', { shortcut })
            : (errorCodes as readonly string[]).includes(reason.code)
              ? t(`errors:codes.${reason.code as ErrorCode}`)
              : t(`outbox:reasons.${reason.code as Exclude<typeof reason.code, ErrorCode>}`);
        setFeedback({ text: t('supervisor.canned.refused', { reason: why }), failed: true });
      }),
    [session, t],
  );

  // Only a supervisor manages other agents' replies (the hub refuses anyone else).
  const managesAgents = scopes.includes('org');
  const others = managesAgents ? agentList.filter((a) => a.id !== user.id) : [];
  const chosen = whose === null ? null : (others.find((a) => a.id === whose) ?? null);
  const ownerId = chosen?.id ?? null;
  useEffect(() => {
    theirs.show(ownerId);
  }, [theirs, ownerId]);
  useEffect(() => () => theirs.show(null), [theirs]);

  const orgReplies = list.filter((r) => r.ownerId === null);
  const lists: ReplyList[] = chosen
    ? [
        {
          key: 'agent',
          title: t('supervisor.canned.lists.agent', { name: chosen.displayName, count: theirList.length }),
          empty: t('supervisor.canned.empty.agent', { name: chosen.displayName }),
          replies: theirList,
        },
      ]
    : scopes.map((scope) => {
        const which = scope === 'org' ? 'org' : 'mine';
        const replies = scope === 'org' ? orgReplies : list.filter((r) => r.ownerId === user.id);
        return {
          key: scope,
          title: t(`supervisor.canned.lists.${which}`, { count: replies.length }),
          empty: t(`supervisor.canned.empty.${which}`),
          replies,
        };
      });
  // The chosen agent's view: what they see (the organisation's and their own), for the shortcut check.
  const visible = chosen ? [...orgReplies, ...theirList] : list;
  const formScopes: readonly CannedScope[] = chosen ? ['agent'] : scopes;
  const shownLoaded = chosen ? theirLoaded : loaded;
  const shownError = chosen ? theirError : loadError;
  const orgCount = orgReplies.length;
  const deleting = new Set(waiting.filter((e) => e.event === 'canned.delete').map(cannedIdOf));
  const savingIds = new Set(waiting.filter((e) => e.event === 'canned.save').map(cannedIdOf));
  const newWaiting = waiting.filter(
    (e) => e.event === 'canned.save' && cannedIdOf(e) === null && ownerIdOf(e) === ownerId,
  );

  const close = (focusOn: number | 'new') => {
    setOpen(null);
    requestAnimationFrame(() =>
      (focusOn === 'new' ? newButton.current : itemButtons.current.get(focusOn))?.focus(),
    );
  };

  const save = async (draft: CannedDraft, draftKey: string): Promise<string | null> => {
    const answer = await store.save(draft, draftKey);
    if (!answer.ok) return t('supervisor.saveFailed', { reason: t(`errors:codes.${answer.error.code}`) });
    setFeedback({
      text: t(connection === 'connected' ? 'supervisor.canned.saved' : 'supervisor.canned.queued', {
        shortcut: draft.shortcut,
      }),
      failed: false,
    });
    close(draft.cannedId ?? 'new');
    return null;
  };

  const remove = async (reply: CannedReply) => {
    const answer = await store.remove(reply.id);
    setConfirming(null);
    setFeedback(
      answer.ok
        ? { text: t('supervisor.canned.deleted', { shortcut: reply.shortcut }), failed: false }
        : {
            text: t('supervisor.saveFailed', { reason: t(`errors:codes.${answer.error.code}`) }),
            failed: true,
          },
    );
    requestAnimationFrame(() => newButton.current?.focus());
  };

  return (
    <section
      aria-labelledby={headingId}
      className={['canned-editor', className].filter(Boolean).join(' ')}
      {...rest}
    >
      <Heading id={headingId} className="supervisor-section__title">
        {t('supervisor.canned.title')}
      </Heading>
      <p className="field__hint">{t('supervisor.canned.intro')}</p>
      {managesAgents ? (
        <div className="field">
          <label htmlFor={whoseId} className="field__label">
            {t('supervisor.canned.whose')}
          </label>
          <select
            id={whoseId}
            className="field__control"
            aria-describedby={`${whoseId}-hint`}
            value={ownerId === null ? '' : String(ownerId)}
            onChange={(event) => {
              const value = Number(event.target.value);
              setOpen(null);
              setConfirming(null);
              setFeedback(null);
              setWhose(event.target.value === '' || !Number.isInteger(value) ? null : value);
            }}
          >
            <option value="">{t('supervisor.canned.whoseOrg')}</option>
            {others.map((agent) => (
              <option key={agent.id} value={String(agent.id)} lang={textLang(agent.displayName)}>
                {agent.displayName}
              </option>
            ))}
          </select>
          <p id={`${whoseId}-hint`} className="field__hint">
            {t('supervisor.canned.whoseHint')}
          </p>
        </div>
      ) : null}
      {shownError ? (
        <p role="alert" className="supervisor__error">
          {t('supervisor.canned.loadFailed', { reason: t(`errors:codes.${shownError}`) })}{' '}
          <Button onClick={() => void (chosen ? theirs.refresh() : store.refresh())}>
            {t('supervisor.retry')}
          </Button>
        </p>
      ) : null}
      <SaveFeedback feedback={feedback} />
      <div className="supervisor__actions">
        <Button
          ref={newButton}
          primary
          icon={Plus}
          aria-expanded={open === 'new'}
          onClick={() => {
            setFeedback(null);
            setOpen('new');
          }}
        >
          {t('supervisor.canned.add')}
        </Button>
      </div>
      {open === 'new' ? (
        <CannedReplyForm
          key={ownerId ?? 'own'}
          reply={null}
          scopes={formScopes}
          {...(ownerId === null ? {} : { ownerId })}
          visible={visible}
          onSave={save}
          onCancel={() => close('new')}
        />
      ) : null}
      {newWaiting.length > 0 ? (
        <p className="field__hint">{t('supervisor.canned.newWaiting', { count: newWaiting.length })}</p>
      ) : null}
      {!shownLoaded && !shownError ? <p role="status">{t('supervisor.canned.loading')}</p> : null}
      {lists.map(({ key, title, empty, replies }) => (
        <section key={key} aria-labelledby={`${headingId}-${key}`} className="canned-editor__group">
          <Sub id={`${headingId}-${key}`} className="canned-editor__group-title">
            {title}
          </Sub>
          {shownLoaded && replies.length === 0 ? (
            <p className="field__hint">{empty}</p>
          ) : (
            <ul className="canned-editor__list">
              {replies.map((reply) => (
                <li key={reply.id} className="canned-editor__item">
                  {open === reply.id ? (
                    <CannedReplyForm
                      reply={reply}
                      scopes={formScopes}
                      {...(ownerId === null ? {} : { ownerId })}
                      visible={visible}
                      onSave={save}
                      onCancel={() => close(reply.id)}
                    />
                  ) : (
                    <CannedReplyItem
                      reply={reply}
                      state={deleting.has(reply.id) ? 'deleting' : savingIds.has(reply.id) ? 'saving' : null}
                      confirming={confirming === reply.id}
                      editRef={(el) => {
                        if (el) itemButtons.current.set(reply.id, el);
                        else itemButtons.current.delete(reply.id);
                      }}
                      onEdit={() => {
                        setFeedback(null);
                        setConfirming(null);
                        setOpen(reply.id);
                      }}
                      onDelete={() => setConfirming(reply.id)}
                      onConfirm={() => void remove(reply)}
                      onKeep={() => {
                        setConfirming(null);
                        requestAnimationFrame(() => itemButtons.current.get(reply.id)?.focus());
                      }}
                    />
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      {!managesAgents && orgCount > 0 ? (
        <p className="field__hint">{t('supervisor.canned.orgManaged', { count: orgCount })}</p>
      ) : null}
    </section>
  );
}

function CannedReplyItem({
  reply,
  state,
  confirming,
  editRef,
  onEdit,
  onDelete,
  onConfirm,
  onKeep,
}: {
  reply: CannedReply;
  state: 'deleting' | 'saving' | null;
  confirming: boolean;
  editRef: (el: HTMLButtonElement | null) => void;
  onEdit: () => void;
  onDelete: () => void;
  onConfirm: () => void;
  onKeep: () => void;
}) {
  const { t } = useTranslation('tickets');
  const titleId = useId();
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) keep.current?.focus();
  }, [confirming]);
  return (
    <article aria-labelledby={titleId} className="canned-editor__reply">
      <p className="canned-editor__head">
        <code className="canned-editor__shortcut">{reply.shortcut}</code>{' '}
        <strong id={titleId} lang={textLang(reply.title)}>
          {reply.title}
        </strong>{' '}
        <span className="canned-editor__locale">
          {t(`supervisor.canned.locales.${reply.locale ?? 'any'}`)}
        </span>
      </p>
      <p className="canned-editor__body" lang={textLang(reply.body)}>
        {reply.body}
      </p>
      {state ? <p className="field__hint">{t(`supervisor.canned.states.${state}`)}</p> : null}
      {confirming ? (
        <div role="group" aria-labelledby={`${titleId}-confirm`} className="canned-editor__confirm">
          <p id={`${titleId}-confirm`}>{t('supervisor.canned.confirmDelete', { title: reply.title })}</p>
          <div className="supervisor__actions">
            <Button className="canned-editor__delete" onClick={onConfirm}>
              {t('supervisor.canned.delete')}
            </Button>
            <Button ref={keep} onClick={onKeep}>
              {t('supervisor.canned.keep')}
            </Button>
          </div>
        </div>
      ) : (
        <div className="supervisor__actions">
          <Button
            ref={editRef}
            aria-label={t('supervisor.canned.editOf', { title: reply.title })}
            onClick={onEdit}
          >
            {t('supervisor.canned.edit')}
          </Button>
          <Button
            aria-label={t('supervisor.canned.deleteOf', { title: reply.title })}
            onClick={() => {
              if (state !== 'deleting') onDelete();
            }}
            aria-disabled={state === 'deleting' || undefined}
          >
            {t('supervisor.canned.delete')}
          </Button>
        </div>
      )}
    </article>
  );
}
