import { Accessibility, ChartColumn, ClipboardCheck, Contact, Radio, Users } from 'lucide-react';
import type { LucideIcon } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../session/hooks';
import { Icon } from '../ui/Icon';
import { ViewFrame } from '../ui/ViewFrame';
import { employerViews, type EmployerView } from './employer-views';
import { LiveRoomsView } from './live/LiveRoomsView';
import { OutputView } from './output/OutputView';
import { PeopleView } from './quota/PeopleView';
import { QuotaView } from './quota/QuotaView';
import { watchRequest } from './roster/roster-store';
import { RosterView } from './roster/RosterView';
import { TimesheetsView } from './timesheets/TimesheetsView';
import './employer.css';

export interface EmployerWorkspaceProps {
  /** From `#/employer/<view>`; the bare address shows the roster. */
  view?: EmployerView;
  focusRequest: number;
}

const viewIcons: Record<EmployerView, LucideIcon> = {
  roster: Users,
  output: ChartColumn,
  timesheets: ClipboardCheck,
  quota: Accessibility,
  people: Contact,
  live: Radio,
};

/** The employer's views as links: each an address, so back, forward and the palette reach them too. */
function EmployerNav({ current }: { current: EmployerView }) {
  const { t } = useTranslation(['employer', 'shell']);
  return (
    <nav aria-label={t('employer:nav')} className="employer-nav">
      <ul className="employer-nav__list">
        {employerViews.map((view) => (
          <li key={view}>
            <a
              href={`#/employer/${view}`}
              className="employer-nav__link"
              aria-current={view === current ? 'page' : undefined}
            >
              <Icon icon={viewIcons[view]} size="sm" />
              <span>{t(`shell:employerViews.${view}`)}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Live rooms, opening the room the roster asked for (once: a later visit starts from the list). */
function LiveFromRoster() {
  const watch = useSessionStore(watchRequest);
  const [initialRoom] = useState(() => watch.take());
  return <LiveRoomsView initialRoom={initialRoom} />;
}

/**
 * The employer's views: the live roster, output with charts and exports,
 * timesheets with their approvals and audit, the quota report and its
 * records, and the organisation's live rooms, watched read-only.
 */
export function EmployerWorkspace({ view, focusRequest }: EmployerWorkspaceProps) {
  const { t } = useTranslation(['shell', 'viewer']);
  const shown = view ?? 'roster';
  const nav = <EmployerNav current={shown} />;

  switch (shown) {
    case 'live':
      // The workspace is shown to supervisors and admins only (renderer/app/workspaces.ts), who may all watch.
      return (
        <ViewFrame title={t('viewer:watch.heading')} focusRequest={focusRequest}>
          {nav}
          <LiveFromRoster />
        </ViewFrame>
      );
    case 'roster':
      return (
        <ViewFrame title={t('shell:employerViews.roster')} focusRequest={focusRequest}>
          {nav}
          <RosterView />
        </ViewFrame>
      );
    case 'output':
      return (
        <ViewFrame title={t('shell:employerViews.output')} focusRequest={focusRequest}>
          {nav}
          <OutputView />
        </ViewFrame>
      );
    case 'timesheets':
      return (
        <ViewFrame title={t('shell:employerViews.timesheets')} focusRequest={focusRequest}>
          {nav}
          <TimesheetsView />
        </ViewFrame>
      );
    case 'quota':
      return (
        <ViewFrame title={t('shell:employerViews.quota')} focusRequest={focusRequest}>
          {nav}
          <QuotaView />
        </ViewFrame>
      );
    case 'people':
      return (
        <ViewFrame title={t('shell:employerViews.people')} focusRequest={focusRequest}>
          {nav}
          <PeopleView />
        </ViewFrame>
      );
  }
}
