import { useEffect, useMemo, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../shared/protocol';
import { EmployerWorkspace } from '../../employer/EmployerWorkspace';
import { LiveWorkspace } from '../../live/LiveWorkspace';
import { ShiftsWorkspace } from '../../shifts/ShiftsWorkspace';
import { TicketsWorkspace } from '../../tickets/TicketsWorkspace';
import { useSessionUser } from '../providers/HubProvider';
import { TeamNotes } from '../team/TeamNotes';
import { hashFor, isSettingsHash, workspaceFromHash, workspacesFor, type WorkspaceId } from '../workspaces';
import { SettingsPage } from '../../a11y/settings/SettingsPage';
import { Banner } from './Banner';
import { WorkspaceActions } from '../../a11y/keyboard/WorkspaceActions';
import { SkipLink } from './SkipLink';
import { WorkspaceNav } from './WorkspaceNav';
import './Shell.css';

const views: Record<WorkspaceId, ComponentType<{ focusRequest: number }>> = {
  tickets: TicketsWorkspace,
  live: LiveWorkspace,
  shifts: ShiftsWorkspace,
  employer: EmployerWorkspace,
};

const mainId = 'main-content';

export interface ShellProps {
  onSignOut: () => void;
  /** True right after signing in: focus goes to the workspace heading instead of staying on a vanished form. */
  focusOnStart: boolean;
}

export function Shell({ onSignOut, focusOnStart }: ShellProps) {
  const user = useSessionUser();
  const { t } = useTranslation('common');
  if (!user) {
    return (
      <main className="shell__loading" id={mainId}>
        <p role="status">{t('loading')}</p>
      </main>
    );
  }
  return <SignedInShell user={user} onSignOut={onSignOut} focusOnStart={focusOnStart} />;
}

function SignedInShell({ user, onSignOut, focusOnStart }: ShellProps & { user: SessionUser }) {
  const { t } = useTranslation(['shell', 'common', 'settings']);
  const allowed = useMemo(() => workspacesFor(user.roles), [user.roles]);
  const [route, setRoute] = useState(() => workspaceFromHash(window.location.hash));
  const [settingsOpen, setSettingsOpen] = useState(() => isSettingsHash(window.location.hash));
  const [focusRequest, setFocusRequest] = useState(focusOnStart ? 1 : 0);
  const current = route && allowed.includes(route) ? route : (allowed[0] ?? null);

  useEffect(() => {
    const onHashChange = () => {
      if (isSettingsHash(window.location.hash)) {
        setSettingsOpen(true);
        setFocusRequest((n) => n + 1);
        return;
      }
      const next = workspaceFromHash(window.location.hash);
      if (!next) return;
      setSettingsOpen(false);
      setRoute(next);
      setFocusRequest((n) => n + 1);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const workspaceName = settingsOpen
    ? t('settings:title')
    : current
      ? t(`workspaces.${current}.name`)
      : t('common:productName');
  useEffect(() => {
    document.title = t('documentTitle', { workspace: workspaceName });
  }, [t, workspaceName]);

  const navigate = (id: WorkspaceId) => {
    if (window.location.hash !== hashFor(id)) window.history.pushState(null, '', hashFor(id));
    setSettingsOpen(false);
    setRoute(id);
    setFocusRequest((n) => n + 1);
  };

  const View = current ? views[current] : null;
  return (
    <div className="shell">
      <SkipLink targetId={mainId}>{t('skipToContent')}</SkipLink>
      <WorkspaceActions workspaces={allowed} onNavigate={navigate} />
      <Banner user={user} onSignOut={onSignOut} settingsOpen={settingsOpen} />
      <div className="shell__body">
        <WorkspaceNav
          className="shell__nav"
          workspaces={allowed}
          current={settingsOpen ? null : current}
          onNavigate={navigate}
        />
        <main id={mainId} tabIndex={-1} className="shell__main">
          {settingsOpen ? (
            <SettingsPage focusRequest={focusRequest} />
          ) : View ? (
            <View focusRequest={focusRequest} />
          ) : (
            <p>{t('noWorkspace')}</p>
          )}
        </main>
        <TeamNotes className="shell__aside" />
      </div>
    </div>
  );
}
