import { useEffect, useId, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotSentEntry } from '../../../shared/bridge';
import type { Ack } from '../../../shared/protocol';
import { textLang } from '../../../shared/i18n/text-lang';
import { useAlerts } from '../../a11y/alerts/AlertsProvider';
import { useOutboxList, useSessionStore } from '../../session/hooks';
import { useSession } from '../../session/SessionProvider';
import { Button } from '../../ui/Button';
import { useDateTimeFormat } from '../team/useDateTimeFormat';
import { notSentPanelId } from './NotSentButton';
import { notSentStore } from './not-sent-store';
import { useNotSentWords } from './not-sent-text';
import './NotSentPanel.css';

export interface NotSentPanelProps {
  /** Shows the view a composer lives in (a route hash), before focus moves into it. */
  onGoTo: (route: string) => void;
}

/**
 * The list of what the hub did not take, opened from the banner. A region
 * of the page (not a modal): Tab and F6 reach it, Escape closes it and focus
 * goes back to where it was opened from. Every action is a plain button in a
 * labelled group, so a switch scanner steps through them like the keyboard.
 */
export function NotSentPanel({ onGoTo }: NotSentPanelProps) {
  const store = useSessionStore(notSentStore);
  const isOpen = useSyncExternalStore(store.subscribe, () => store.isOpen);
  return isOpen ? <OpenNotSentPanel onGoTo={onGoTo} /> : null;
}

/** Mounted while open: each opening starts with focus on its heading and no old status line. */
function OpenNotSentPanel({ onGoTo }: NotSentPanelProps) {
  const { t } = useTranslation(['outbox', 'errors']);
  const store = useSessionStore(notSentStore);
  const session = useSession();
  const { notify } = useAlerts();
  const entries = useOutboxList().notSent;
  const [status, setStatus] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const list = useRef<HTMLOListElement>(null);
  /** After an item the worker acted on leaves the list, focus goes to the one now in its place (or the heading). */
  const leaving = useRef<{ id: string; index: number } | null>(null);
  const titleId = useId();

  useEffect(() => heading.current?.focus(), []);

  useEffect(() => {
    const left = leaving.current;
    if (left === null || entries.some((e) => e.id === left.id)) return;
    leaving.current = null;
    const index = left.index;
    const items = list.current?.querySelectorAll<HTMLElement>(':scope > li') ?? [];
    const next = items[Math.min(index, items.length - 1)];
    (next?.querySelector<HTMLButtonElement>('button') ?? heading.current)?.focus();
  }, [entries]);

  const failed = (answer: Ack<unknown>): boolean => {
    if (answer.ok) return false;
    leaving.current = null;
    setStatus(t('actionFailed', { reason: t(`errors:codes.${answer.error.code}`) }));
    return true;
  };

  // The list may change before the answer arrives: which item is leaving is noted first.
  const retry = async (entry: NotSentEntry, index: number) => {
    leaving.current = { id: entry.id, index };
    if (!failed(await store.retry(entry.id))) setStatus(t('retried'));
  };

  const discard = async (entry: NotSentEntry, index: number) => {
    leaving.current = { id: entry.id, index };
    if (!failed(await store.discard(entry.id))) setStatus(t('discarded'));
  };

  const copyBack = async (entry: NotSentEntry) => {
    const answer = await store.copyBack(entry.id);
    if (failed(answer) || !answer.ok) return;
    const { draftKey, label, route } = answer.data;
    // Focus goes to the composer, not back to the banner: that is where the worker's text is now.
    store.close({ returnFocus: false });
    if (route) onGoTo(route);
    session.composers.focus(draftKey);
    notify({ kind: 'info', message: label ? t('copiedBack', { composer: label }) : t('copiedToDraft') });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    store.close();
  };

  return (
    <aside id={notSentPanelId} aria-labelledby={titleId} className="not-sent" onKeyDown={onKeyDown}>
      <div className="not-sent__head">
        <h2 id={titleId} ref={heading} tabIndex={-1} className="not-sent__title">
          {t('title')}
        </h2>
        <Button onClick={() => store.close()}>{t('close')}</Button>
      </div>
      <p className="not-sent__intro">{t('intro')}</p>
      <p role="status" className="not-sent__status">
        {status}
      </p>
      {entries.length === 0 ? (
        <p className="not-sent__empty">{t('empty')}</p>
      ) : (
        <ol ref={list} className="not-sent__list" aria-label={t('listLabel')}>
          {entries.map((entry, index) => (
            <NotSentItem
              key={entry.id}
              entry={entry}
              onRetry={() => void retry(entry, index)}
              onCopyBack={() => void copyBack(entry)}
              onDiscard={() => void discard(entry, index)}
            />
          ))}
        </ol>
      )}
    </aside>
  );
}

interface NotSentItemProps {
  entry: NotSentEntry;
  onRetry: () => void;
  onCopyBack: () => void;
  onDiscard: () => void;
}

/**
 * One entry: what was typed, why it was not sent, when, and its actions.
 * Discard asks first, in place, with two more buttons: no timed or double
 * press, and focus lands on "Keep it" so a second Enter keeps the text.
 */
function NotSentItem({ entry, onRetry, onCopyBack, onDiscard }: NotSentItemProps) {
  const { t } = useTranslation('outbox');
  const words = useNotSentWords();
  const format = useDateTimeFormat();
  const [confirming, setConfirming] = useState(false);
  const keep = useRef<HTMLButtonElement>(null);
  const discard = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  const whatId = useId();
  const questionId = useId();
  const short = words.short(entry);
  const canCopyBack = entry.typed !== null && entry.typed.trim() !== '' && entry.draftKey !== null;

  useEffect(() => {
    if (confirming) {
      asked.current = true;
      keep.current?.focus();
    } else if (asked.current) {
      asked.current = false;
      discard.current?.focus();
    }
  }, [confirming]);

  return (
    <li className="not-sent-item" aria-labelledby={whatId}>
      {/* What the worker typed is in the language of its script; the words for a command are the UI's. */}
      <p
        id={whatId}
        className="not-sent-item__what"
        lang={entry.typed?.trim() ? textLang(entry.typed) : undefined}
      >
        {words.what(entry)}
      </p>
      <p className="not-sent-item__why">{t('why', { reason: words.reason(entry.reason) })}</p>
      <p className="not-sent-item__when">
        <time dateTime={new Date(entry.failedAt).toISOString()}>
          {t('failedAt', { time: format(entry.failedAt) })}
        </time>
      </p>
      {confirming ? (
        <div
          role="group"
          aria-labelledby={questionId}
          className="not-sent-item__actions not-sent-item__actions--confirm"
          onKeyDown={(event) => {
            // Escape here takes back the question, not the whole list.
            if (event.key !== 'Escape') return;
            event.preventDefault();
            setConfirming(false);
          }}
        >
          <p id={questionId} className="not-sent-item__question">
            {t('confirmDiscard', { what: short })}
          </p>
          <Button className="not-sent-item__confirm" onClick={onDiscard}>
            {t('confirmYes')}
          </Button>
          <Button ref={keep} primary onClick={() => setConfirming(false)}>
            {t('confirmNo')}
          </Button>
        </div>
      ) : (
        <div role="group" aria-label={t('itemActions', { what: short })} className="not-sent-item__actions">
          <Button primary onClick={onRetry}>
            {t('retry')}
          </Button>
          {canCopyBack ? <Button onClick={onCopyBack}>{t('copyBack')}</Button> : null}
          <Button ref={discard} onClick={() => setConfirming(true)}>
            {t('discard')}
          </Button>
        </div>
      )}
    </li>
  );
}
