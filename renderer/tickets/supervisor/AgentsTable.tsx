import { useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { textLang } from '../../../shared/i18n/text-lang';
import type { Agent } from '../../../shared/protocol';
import { useSessionStore } from '../../session/hooks';
import { Avatar } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import { agentsStore } from '../agents-store';
import { presenceIcons } from '../PresenceToggle';
import { ProfileEditor } from './ProfileEditor';
import { useProfileText } from './useProfileText';
import './supervisor.css';

/**
 * Every agent of the organisation: status (words and an icon), conversations
 * held against their limit, and their accommodation profile, each with a
 * button that opens the profile editor below the table. The table follows
 * agents.changed, so a status or a load changes in place.
 */
export function AgentsTable() {
  const { t } = useTranslation(['tickets', 'errors']);
  const store = useSessionStore(agentsStore);
  const agents = useSyncExternalStore(store.subscribe, () => store.agents);
  const loaded = useSyncExternalStore(store.subscribe, () => store.loaded);
  const error = useSyncExternalStore(store.subscribe, () => store.error);
  const profileText = useProfileText();
  const [editing, setEditing] = useState<number | null>(null);
  /** What the last save did, said politely: queued for the hub, or sent. */
  const [saved, setSaved] = useState<string | null>(null);
  const editButtons = useRef(new Map<number, HTMLButtonElement>());
  const agent = agents.find((a) => a.id === editing) ?? null;

  const close = (id: number, message: string | null) => {
    setEditing(null);
    setSaved(message);
    // Back to the button that opened it, so the worker continues where they were.
    requestAnimationFrame(() => editButtons.current.get(id)?.focus());
  };

  return (
    <div className="supervisor-agents">
      {error ? (
        <p className="supervisor__error" role="alert">
          {t('supervisor.agents.loadFailed', { reason: t(`errors:codes.${error}`) })}{' '}
          <Button onClick={() => void store.refresh()}>{t('supervisor.retry')}</Button>
        </p>
      ) : null}
      {!loaded && !error ? <p role="status">{t('supervisor.agents.loading')}</p> : null}
      {loaded && agents.length === 0 ? <p>{t('supervisor.agents.none')}</p> : null}
      {agents.length > 0 ? (
        <div className="supervisor-agents__scroll">
          <table className="supervisor-agents__table">
            <caption className="supervisor-agents__caption">{t('supervisor.agents.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('supervisor.agents.columns.name')}</th>
                <th scope="col">{t('supervisor.agents.columns.presence')}</th>
                <th scope="col">{t('supervisor.agents.columns.load')}</th>
                <th scope="col">{t('supervisor.agents.columns.profile')}</th>
              </tr>
            </thead>
            <tbody>
              {agents.map((a) => (
                <AgentRow
                  key={a.id}
                  agent={a}
                  profile={profileText(a.profile)}
                  editing={editing === a.id}
                  buttonRef={(el) => {
                    if (el) editButtons.current.set(a.id, el);
                    else editButtons.current.delete(a.id);
                  }}
                  onEdit={() => {
                    setSaved(null);
                    setEditing(a.id);
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p role="status" className="supervisor__status">
        {saved}
      </p>
      {agent ? (
        <ProfileEditor key={agent.id} agent={agent} onClose={(message) => close(agent.id, message)} />
      ) : null}
    </div>
  );
}

function AgentRow({
  agent,
  profile,
  editing,
  buttonRef,
  onEdit,
}: {
  agent: Agent;
  profile: string;
  editing: boolean;
  buttonRef: (el: HTMLButtonElement | null) => void;
  onEdit: () => void;
}) {
  const { t } = useTranslation('tickets');
  const state = t(`presence.states.${agent.presence}`);
  const full = agent.load >= agent.profile.maxConcurrent;
  return (
    <tr>
      <th scope="row" className="supervisor-agents__name">
        <Avatar name={agent.displayName} size="sm" />
        <span lang={textLang(agent.displayName)}>{agent.displayName}</span>
      </th>
      <td>
        <span className="supervisor-agents__presence" data-presence={agent.presence}>
          <Icon icon={presenceIcons[agent.presence]} size="sm" className="supervisor-agents__presence-icon" />
          {state}
        </span>
      </td>
      <td>
        {t('supervisor.agents.load', { load: agent.load, max: agent.profile.maxConcurrent })}
        {full ? <span className="supervisor-agents__full"> {t('supervisor.agents.full')}</span> : null}
      </td>
      {/* The button edits what the cell says, so it sits with it: one column fewer to scroll past. */}
      <td className="supervisor-agents__profile">
        <span className="supervisor-agents__profile-text">{profile}</span>
        <Button
          ref={buttonRef}
          className="supervisor-agents__edit"
          aria-expanded={editing}
          aria-label={t('supervisor.agents.editProfileOf', { name: agent.displayName })}
          onClick={onEdit}
        >
          {t('supervisor.agents.editProfile')}
        </Button>
      </td>
    </tr>
  );
}
