import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../shared/protocol';
import { useConnectionState, useSessionStore } from '../../session/hooks';
import { agentsStore } from '../../tickets/agents-store';
import { Avatar, presences, type Presence } from '../../ui/Avatar';

/** While the workstation is not connected, that is what the team sees of anyone. */
const presenceOf = {
  connected: 'available',
  reconnecting: 'away',
  offline: 'offline',
} as const satisfies Record<ReturnType<typeof useConnectionState>, Presence>;

function Identity({ user, presence }: { user: SessionUser; presence: Presence }) {
  const { t } = useTranslation('shell');
  return (
    <>
      <Avatar name={user.displayName} presence={presence} />
      <div className="banner__user">
        <p className="banner__name">{user.displayName}</p>
        {/* Every word takes the same cell, the current one visible: a change moves nothing around it. */}
        <p className="banner__presence">
          {presences.map((word) => (
            <span key={word} className={word === presence ? undefined : 'banner__presence-spare'}>
              {t(`presence.${word}`)}
            </span>
          ))}
        </p>
      </div>
    </>
  );
}

function ConnectionIdentity({ user }: { user: SessionUser }) {
  return <Identity user={user} presence={presenceOf[useConnectionState()]} />;
}

/** An agent's word is their queue status: the header never says Available while the queue has them Offline. */
function AgentIdentity({ user }: { user: SessionUser }) {
  const connection = useConnectionState();
  const store = useSessionStore(agentsStore);
  const me = useSyncExternalStore(store.subscribe, () => store.me);
  const presence = connection === 'connected' && me ? me.presence : presenceOf[connection];
  return <Identity user={user} presence={presence} />;
}

/** The worker's picture, name and presence in the banner. */
export function AccountIdentity({ user }: { user: SessionUser }) {
  return user.roles.includes('agent') ? <AgentIdentity user={user} /> : <ConnectionIdentity user={user} />;
}
