import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SettingsPage } from '../../a11y/settings/SettingsPage';
import type { SettingsSectionId } from '../../a11y/settings/settings-sections';
import { EmployerWorkspace } from '../../employer/EmployerWorkspace';
import { LiveWorkspace } from '../../live/LiveWorkspace';
import { ShiftsWorkspace } from '../../shifts/ShiftsWorkspace';
import { useAssignmentNotices } from '../../tickets/assignment-notices';
import { TicketsWorkspace } from '../../tickets/TicketsWorkspace';
import { useSlaAlerts } from '../../tickets/useSlaAlerts';
import { ViewFrame } from '../../ui/ViewFrame';
import { useSessionUser } from '../../session/hooks';
import { useSession } from '../../session/SessionProvider';
import { NotSentPanel } from '../outbox/NotSentPanel';
import { parseRoute, resolveRoute, sameRoute, workspaceOf, type Route } from '../router/routes';
import { useRouter, useRouterState } from '../router/RouterProvider';
import { useRouteText } from '../router/useRouteText';
import { TeamNotes } from '../team/TeamNotes';
import { teamDraftKey } from '../team/team-store';
import { workspacesFor } from '../workspaces';
import { Banner } from './Banner';
import { HostNotice } from './HostNotice';
import { NavigationActions } from './NavigationActions';
import { SkipLink } from './SkipLink';
import { WorkspaceNav } from './WorkspaceNav';
import './Shell.css';

const mainId = 'main-content';
/** resolveRoute always names a tab; this only satisfies the type. */
const defaultSettingsTab: SettingsSectionId = 'display';

export interface ShellProps {
  onSignOut: () => void;
  /** True right after signing in: focus goes to the view's heading instead of staying on a vanished form. */
  focusOnStart: boolean;
}

export function Shell({ onSignOut, focusOnStart }: ShellProps) {
  const user = useSessionUser();
  const { hostStatus } = useSession();
  const { t } = useTranslation(['shell', 'common']);
  const router = useRouter();
  const { route, navigation, settingsTab } = useRouterState();
  const text = useRouteText();
  const allowed = useMemo(() => workspacesFor(user.roles), [user.roles]);
  const shown = useMemo(() => resolveRoute(route, allowed, settingsTab), [route, allowed, settingsTab]);
  // Navigations before this shell existed (on the sign-in page) are not this shell's to answer.
  const [navigationsBefore] = useState(navigation);
  const focusRequest = navigation - navigationsBefore + (focusOnStart ? 1 : 0);

  // An unknown or forbidden address, or a bare #/settings, is corrected in place: Back does not return to it.
  useLayoutEffect(() => {
    if (shown && !sameRoute(shown, route)) router.replace(shown);
  }, [router, shown, route]);

  const title = shown ? text.title(shown) : t('shell:noWorkspaceTitle');
  useEffect(() => {
    document.title = t('shell:documentTitle', { workspace: title });
  }, [t, title]);

  const navigate = (next: Route) => router.navigate(next);
  const goTo = (hash: string) => {
    const target = parseRoute(hash);
    if (target) router.navigate(target);
  };
  const openSettings = () => navigate({ name: 'settings', tab: settingsTab });
  // A conversation assigned while the worker is anywhere in the app: banner, sound, OS notification.
  const openTicket = useCallback(
    (ticketId: number) => router.navigate({ name: 'tickets', ticketId }),
    [router],
  );
  useAssignmentNotices({
    viewing: shown?.name === 'tickets' ? (shown.ticketId ?? null) : null,
    open: openTicket,
  });

  return (
    <div className="shell">
      <SkipLink targetId={mainId}>{t('shell:skipToContent')}</SkipLink>
      <NavigationActions workspaces={allowed} settingsTab={settingsTab} onNavigate={navigate} />
      <Banner
        user={user}
        onSignOut={onSignOut}
        settingsOpen={shown?.name === 'settings'}
        onOpenSettings={openSettings}
      />
      <HostNotice status={hostStatus} />
      <NotSentPanel onGoTo={goTo} />
      {allowed.includes('tickets') ? <SlaAlerts open={openTicket} /> : null}
      {/* On Settings the notes narrow: the forms there need the width more than a conversation does. */}
      <div
        className={['shell__body', shown?.name === 'settings' ? 'shell__body--settings' : null]
          .filter(Boolean)
          .join(' ')}
      >
        <WorkspaceNav
          className="shell__nav"
          workspaces={allowed}
          current={shown ? workspaceOf(shown) : null}
          onNavigate={(id) => navigate({ name: id })}
        />
        <main id={mainId} tabIndex={-1} className="shell__main">
          {shown ? (
            <View
              route={shown}
              focusRequest={focusRequest}
              onReplace={(next) => router.replace(next)}
              onNavigate={navigate}
            />
          ) : (
            <ViewFrame title={t('shell:noWorkspaceTitle')} focusRequest={focusRequest}>
              <p>{t('shell:noWorkspace')}</p>
            </ViewFrame>
          )}
        </main>
        <TeamNotes className="shell__aside" />
      </div>
    </div>
  );
}

/** An agent's SLA warnings, heard wherever in the app they are. */
function SlaAlerts({ open }: { open: (ticketId: number) => void }) {
  useSlaAlerts(open);
  return null;
}

interface ViewProps {
  route: Route;
  focusRequest: number;
  onReplace: (route: Route) => void;
  onNavigate: (route: Route) => void;
}

/** The route's view, handed its parameters; a change of ticket or week keeps the view and refocuses its heading. */
function View({ route, focusRequest, onReplace, onNavigate }: ViewProps) {
  const session = useSession();
  const selectTab = (tab: SettingsSectionId) => onReplace({ name: 'settings', tab });
  // The empty states' actions: a settings tab is a new place (Back returns); team notes are beside the view.
  const actions = {
    onOpenSettings: (tab: SettingsSectionId) => onNavigate({ name: 'settings', tab }),
    onOpenTeamNotes: () => session.composers.focus(teamDraftKey),
  };
  switch (route.name) {
    case 'tickets':
      return (
        <TicketsWorkspace
          ticketId={route.ticketId}
          focusRequest={focusRequest}
          onOpenTicket={(ticketId) => onNavigate({ name: 'tickets', ticketId })}
          {...actions}
        />
      );
    case 'live':
      return <LiveWorkspace room={route.room} focusRequest={focusRequest} {...actions} />;
    case 'shifts':
      return <ShiftsWorkspace week={route.week} focusRequest={focusRequest} {...actions} />;
    case 'employer':
      return <EmployerWorkspace view={route.view} focusRequest={focusRequest} {...actions} />;
    case 'settings':
      return (
        <SettingsPage
          section={route.tab ?? defaultSettingsTab}
          onSelectSection={selectTab}
          focusRequest={focusRequest}
        />
      );
  }
}
