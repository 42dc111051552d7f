import { useId, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { SettingsTabs } from '../../a11y/settings/SettingsTabs';
import { useSessionUser } from '../../session/hooks';
import { AgentsTable } from './AgentsTable';
import { AssignmentModeSetting } from './AssignmentModeSetting';
import { CannedRepliesEditor } from './CannedRepliesEditor';
import { CsatSummary } from './CsatSummary';
import { SlaSettings } from './SlaSettings';
import './supervisor.css';

const sections = ['agents', 'routing', 'canned', 'csat'] as const;
type Section = (typeof sections)[number];

export type SupervisorPanelProps = HTMLAttributes<HTMLElement>;

/**
 * The supervisor's side of the Tickets workspace: every agent with their
 * status, load and accommodation profile; how conversations are handed out
 * and the SLA targets; the canned replies; what customers said. Tabs keep it
 * to a few scan steps; every tab stays mounted (hidden), so a half-edited
 * profile or target survives a look at another tab. Nothing for anyone
 * without the supervisor role (the hub refuses their changes anyway).
 */
export function SupervisorPanel({ className, ...rest }: SupervisorPanelProps) {
  const { t } = useTranslation('tickets');
  const user = useSessionUser();
  const [section, setSection] = useState<Section>('agents');
  const headingId = useId();
  const base = useId();
  const tabId = (id: Section) => `${base}-${id}`;
  if (!user.roles.includes('supervisor')) return null;
  return (
    <section
      aria-labelledby={headingId}
      className={['supervisor', className].filter(Boolean).join(' ')}
      {...rest}
    >
      <h2 id={headingId} className="supervisor__title">
        {t('supervisor.title')}
      </h2>
      <SettingsTabs
        aria-label={t('supervisor.sectionsLabel')}
        tabs={sections.map((id) => ({ id, label: t(`supervisor.sections.${id}`) }))}
        selected={section}
        onSelect={setSection}
        tabId={tabId}
      />
      {sections.map((id) => (
        <div
          key={id}
          role="tabpanel"
          id={`${tabId(id)}-panel`}
          aria-labelledby={tabId(id)}
          hidden={id !== section}
          className="supervisor__panel"
        >
          {id === 'agents' ? <AgentsTable /> : null}
          {id === 'routing' ? (
            <>
              <AssignmentModeSetting />
              <SlaSettings />
            </>
          ) : null}
          {id === 'canned' ? <CannedRepliesEditor scopes={['org', 'mine']} /> : null}
          {id === 'csat' ? <CsatSummary /> : null}
        </div>
      ))}
    </section>
  );
}
