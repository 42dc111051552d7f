import { Coffee, LogIn, LogOut, Play } from 'lucide-react';
import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { breakReasons, type BreakReason, type ClockKind } from '../../shared/domain/shifts/clock-event';
import { isNoticeableSkew } from '../../shared/domain/clock-skew';
import { useAlerts } from '../a11y/alerts/AlertsProvider';
import { useConnectionState, useSessionStore } from '../session/hooks';
import { Button } from '../ui/Button';
import { ClockOutDialog } from './ClockOutDialog';
import { useNow, useShiftFormat } from './format';
import { actionsFor, openShiftStart, shownShiftState } from './shift-state';
import { shiftStore } from './shift-store';

const actionIcons = { in: LogIn, break_start: Coffee, break_end: Play, out: LogOut } as const;

/**
 * Clocking in and out, and breaks: the state now and since when, the
 * buttons that state allows (large, one press each, none pointer-only), a
 * private reason for a break, and a confirmation before clocking out whose
 * first choice is to stay. Every press is kept on this computer first, so
 * all of it works with the hub away; a note says what still waits to be sent.
 */
export function ClockPanel() {
  const { t } = useTranslation(['shifts', 'errors']);
  const { notify } = useAlerts();
  const store = useSessionStore(shiftStore);
  const snapshot = useSyncExternalStore(store.subscribe, () => store.snapshot);
  const connection = useConnectionState();
  const now = useNow();
  const format = useShiftFormat(snapshot.mine?.timeZone ?? null);
  const [choosingReason, setChoosingReason] = useState(false);
  const [confirmingOut, setConfirmingOut] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const headingId = useId();
  const reasonId = useId();
  const privateId = useId();
  const firstAction = useRef<HTMLButtonElement>(null);
  const firstReason = useRef<HTMLButtonElement>(null);
  /** Bumped after a press or a closed choice: the first button of the state now takes focus. */
  const [focusRequest, setFocusRequest] = useState(0);

  const events = snapshot.local?.events ?? [];
  const state = shownShiftState(events, snapshot.mine?.state ?? null, snapshot.unconfirmed);
  const actions = actionsFor(state.kind);
  const busy = snapshot.recording !== null;

  useEffect(() => {
    if (choosingReason) firstReason.current?.focus();
  }, [choosingReason]);
  // After a press the buttons change under the worker's focus: it goes to the first of the new ones.
  useEffect(() => {
    if (focusRequest > 0) firstAction.current?.focus();
  }, [focusRequest]);

  async function press(kind: ClockKind, reason?: BreakReason) {
    setFailure(null);
    const answer = await store.record(kind, reason);
    if (!answer.ok) {
      const message = t('clock.failed', { reason: t(`errors:codes.${answer.error.code}`) });
      setFailure(message);
      notify({ kind: 'urgent', message });
      return;
    }
    setChoosingReason(false);
    setConfirmingOut(false);
    setFocusRequest((n) => n + 1);
    notify({ kind: 'info', message: t(`clock.done.${kind}`, { time: format.time(answer.data.deviceAt) }) });
  }

  function onAction(kind: ClockKind) {
    if (kind === 'break_start') setChoosingReason(true);
    else if (kind === 'out') setConfirmingOut(true);
    else void press(kind);
  }

  const pending = snapshot.local?.pending ?? 0;
  const notSent = snapshot.local?.notSent ?? 0;
  const connected = connection === 'connected';
  const skew = snapshot.skewMs;
  const skewMinutes = skew === null ? 0 : Math.max(1, Math.round(Math.abs(skew) / 60_000));
  const flagged =
    snapshot.mine?.flags.some((f) => f === 'future' || f === 'skewed' || f === 'backwards') ?? false;
  const shiftStart = openShiftStart(snapshot.mine?.today.shifts ?? [], events);
  const showSkew = (skew !== null && isNoticeableSkew(skew)) || flagged;

  return (
    <section aria-labelledby={headingId} className="shifts-panel shifts-clock">
      <h2 id={headingId} className="shifts-panel__title">
        {t('clock.heading')}
      </h2>

      <p className="shifts-clock__state">
        <strong className={`shifts-clock__kind shifts-clock__kind--${state.kind}`}>
          {t(`clock.state.${state.kind}`)}
        </strong>
        {state.kind === 'on' && state.activity ? (
          <span>{` · ${t(`clock.activity.${state.activity}`)}`}</span>
        ) : null}
        {state.since !== null ? (
          <span>
            {' '}
            {t('clock.since', {
              time: format.time(state.since),
              elapsed: format.duration(now - state.since),
            })}
          </span>
        ) : null}
      </p>
      {state.source === 'none' ? <p>{t('clock.never')}</p> : null}
      {state.kind === 'break' && state.breakReason ? (
        <p className="shifts-muted">
          {t('clock.reason.yours', { reason: t(`clock.reason.${state.breakReason}`) })}
        </p>
      ) : null}

      <div role="group" aria-label={t('clock.actions')} className="shifts-clock__actions">
        {actions.map((kind, index) => (
          <Button
            key={kind}
            ref={index === 0 ? firstAction : undefined}
            primary={index === 0}
            icon={actionIcons[kind]}
            className="shifts-clock__button"
            disabled={busy}
            aria-expanded={kind === 'break_start' ? choosingReason : undefined}
            aria-controls={kind === 'break_start' && choosingReason ? reasonId : undefined}
            onClick={() => onAction(kind)}
          >
            {snapshot.recording === kind ? t('clock.recording') : t(`clock.${kind}`)}
          </Button>
        ))}
      </div>

      {choosingReason && state.kind === 'on' ? (
        <div
          id={reasonId}
          role="group"
          aria-labelledby={`${reasonId}-q`}
          aria-describedby={privateId}
          className="shifts-clock__reasons"
        >
          <h3 id={`${reasonId}-q`} className="shifts-panel__subtitle">
            {t('clock.reason.question')}
          </h3>
          <p id={privateId} className="shifts-muted">
            {t('clock.reason.private')}
          </p>
          <div className="shifts-clock__reason-buttons">
            {breakReasons.map((reason, index) => (
              <Button
                key={reason}
                ref={index === 0 ? firstReason : undefined}
                disabled={busy}
                onClick={() => void press('break_start', reason)}
              >
                {t(`clock.reason.${reason}`)}
              </Button>
            ))}
            <Button
              ghost
              onClick={() => {
                setChoosingReason(false);
                setFocusRequest((n) => n + 1);
              }}
            >
              {t('clock.reason.cancel')}
            </Button>
          </div>
        </div>
      ) : null}

      <div className="shifts-clock__notes">
        {failure ? <p className="shifts-note shifts-note--danger">{failure}</p> : null}
        {pending > 0 ? (
          <p className="shifts-note" data-testid="clock-pending">
            {connected ? t('clock.sending', { count: pending }) : t('clock.waiting', { count: pending })}
          </p>
        ) : !connected ? (
          <p className="shifts-note">{t('clock.offline')}</p>
        ) : null}
        {notSent > 0 ? (
          <p className="shifts-note shifts-note--warn">{t('clock.notSent', { count: notSent })}</p>
        ) : null}
        {showSkew ? (
          <div className="shifts-note shifts-note--warn" role="note">
            <p>
              {skew !== null && isNoticeableSkew(skew)
                ? skew > 0
                  ? t('clock.skewBehind', { count: skewMinutes })
                  : t('clock.skewAhead', { count: skewMinutes })
                : t('clock.skewFlagged')}
            </p>
            <p>{t('clock.skewAdvice')}</p>
          </div>
        ) : null}
        {snapshot.mine ? (
          <p className="shifts-muted">
            {t('clock.today', {
              worked: format.duration(snapshot.mine.today.workedMs),
              breaks: format.duration(snapshot.mine.today.breakMs),
            })}
          </p>
        ) : null}
      </div>

      <ClockOutDialog
        open={confirmingOut}
        since={shiftStart === null ? null : format.time(shiftStart)}
        busy={busy}
        onStay={() => {
          setConfirmingOut(false);
          setFocusRequest((n) => n + 1);
        }}
        onConfirm={() => void press('out')}
      />
    </section>
  );
}
