import { CircleCheck, CircleMinus, CircleOff, Clock, type LucideIcon } from 'lucide-react';
import { useEffect, useId, useRef, useState, useSyncExternalStore, type FieldsetHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { agentPresences, type AgentPresence } from '../../shared/domain/tickets/assignment';
import type { Agent } from '../../shared/protocol';
import { useRegisterAction } from '../a11y/keyboard/actions';
import { useSessionStore } from '../session/hooks';
import { Icon } from '../ui/Icon';
import { agentsStore, type AgentsStore } from './agents-store';
import './PresenceToggle.css';

export const presenceIcons: Record<AgentPresence, LucideIcon> = {
  available: CircleCheck,
  busy: CircleMinus,
  away: Clock,
  offline: CircleOff,
};

/**
 * Arrow keys move the checked radio at once, and passing over "Away" on the
 * way to "Offline" must not hand conversations back twice or to "Busy" on
 * the way back: a choice is sent once it has rested this long, or at once
 * when focus leaves the group or a press picks it (palette, Enter).
 */
export const presenceSettleMs = 600;

export type PresenceToggleProps = Omit<FieldsetHTMLAttributes<HTMLFieldSetElement>, 'onChange'>;

/**
 * The agent's status in the Tickets workspace: Available (new conversations
 * come to them), Busy, Away, Offline. Native radios in a fieldset: one Tab
 * stop, arrow keys, a group for switch scanning, each choice explained in
 * words beside it, and the status the hub holds said with text and an icon.
 * Nothing for a worker who is not an agent (a supervisor only).
 */
export function PresenceToggle(props: PresenceToggleProps) {
  const store = useSessionStore(agentsStore);
  const me = useSyncExternalStore(store.subscribe, () => store.me);
  if (!me) return null;
  return <PresenceChoices store={store} me={me} {...props} />;
}

function PresenceChoices({
  store,
  me,
  className,
  ...rest
}: PresenceToggleProps & { store: AgentsStore; me: Agent }) {
  const { t } = useTranslation(['tickets', 'errors']);
  const queued = useSyncExternalStore(store.subscribe, () => store.queuedPresence);
  /** Chosen here and not yet handed to the outbox (still settling). */
  const [settling, setSettling] = useState<AgentPresence | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const settlingRef = useRef<AgentPresence | null>(null);
  const name = useId();
  const errorId = useId();

  const send = (presence: AgentPresence) => {
    clearTimeout(timer.current);
    timer.current = undefined;
    settlingRef.current = null;
    setSettling(null);
    // Already what the hub holds and nothing else waiting: nothing to send.
    if (presence === (store.queuedPresence ?? store.me?.presence)) return;
    void store.setPresence(presence).then((answer) => {
      setFailed(answer.ok ? null : t('presence.failed', { reason: t(`errors:codes.${answer.error.code}`) }));
    });
  };
  const flush = () => {
    const waiting = settlingRef.current;
    if (waiting !== null) send(waiting);
  };
  const choose = (presence: AgentPresence) => {
    settlingRef.current = presence;
    setSettling(presence);
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, presenceSettleMs);
  };
  // Leaving the workspace mid-choice still sends it: the worker chose it.
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      const waiting = settlingRef.current;
      if (waiting !== null && waiting !== (store.queuedPresence ?? store.me?.presence)) {
        void store.setPresence(waiting);
      }
    },
    [store],
  );

  usePresenceActions(send);

  const shown = settling ?? queued ?? me.presence;
  const changing = shown !== me.presence;
  const CurrentIcon = presenceIcons[me.presence];
  return (
    <fieldset
      className={['presence', className].filter(Boolean).join(' ')}
      aria-describedby={failed ? errorId : undefined}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) flush();
      }}
      {...rest}
    >
      <legend className="presence__legend">{t('presence.label')}</legend>
      {/* What the hub holds now, in words and an icon; said politely when it changes. */}
      <p className="presence__current" role="status" data-presence={me.presence}>
        <Icon icon={CurrentIcon} size="sm" className="presence__current-icon" />
        <span>
          {changing
            ? t('presence.changing', {
                from: t(`presence.states.${me.presence}`),
                to: t(`presence.states.${shown}`),
              })
            : t('presence.now', { state: t(`presence.states.${me.presence}`) })}
        </span>
      </p>
      <div className="presence__choices">
        {agentPresences.map((presence) => {
          const descriptionId = `${name}-${presence}`;
          return (
            <label key={presence} className="presence__choice" data-presence={presence}>
              <input
                type="radio"
                name={name}
                value={presence}
                checked={shown === presence}
                // Named by the state alone, explained by the line under it.
                aria-labelledby={`${descriptionId}-name`}
                aria-describedby={descriptionId}
                onChange={() => choose(presence)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') {
                    event.preventDefault();
                    send(presence);
                  }
                }}
              />
              <Icon icon={presenceIcons[presence]} size="sm" className="presence__icon" />
              <span className="presence__text">
                <span id={`${descriptionId}-name`} className="presence__name">
                  {t(`presence.states.${presence}`)}
                </span>
                <span id={descriptionId} className="presence__description">
                  {t(`presence.descriptions.${presence}`)}
                </span>
              </span>
            </label>
          );
        })}
      </div>
      {failed ? (
        <p id={errorId} className="presence__error" role="alert">
          {failed}
        </p>
      ) : null}
    </fieldset>
  );
}

/** "Set status: Away" and the others in the command list, each one press, sent at once. */
function usePresenceActions(send: (presence: AgentPresence) => void): void {
  const { t } = useTranslation('tickets');
  const group = t('presence.group');
  const action = (presence: AgentPresence) => ({
    id: `presence.${presence}`,
    label: t('presence.action', { state: t(`presence.states.${presence}`) }),
    group,
    run: () => send(presence),
  });
  useRegisterAction(action('available'));
  useRegisterAction(action('busy'));
  useRegisterAction(action('away'));
  useRegisterAction(action('offline'));
}
