import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { languages } from '../../../shared/i18n';
import { useRegisterSuggester } from '../../a11y/keyboard/actions';
import { ActionRegistration } from '../../a11y/keyboard/ActionRegistration';
import {
  settingsSectionLabelKeys,
  settingsSections,
  type SettingsSectionId,
} from '../../a11y/settings/settings-sections';
import { jumpVocabulary } from '../router/jump-vocabulary';
import { routesForQuery } from '../router/jumps';
import { formatRoute, resolveRoute, sameRoute, type Route } from '../router/routes';
import { useRouteText } from '../router/useRouteText';
import type { WorkspaceId } from '../workspaces';

/** Ctrl+, is where many desktop apps keep their settings. */
const settingsBindings = ['Ctrl+Comma', 'F8 S'];

export interface NavigationActionsProps {
  workspaces: readonly WorkspaceId[];
  /** The settings tab a bare "Go to settings" opens: the one last shown. */
  settingsTab: SettingsSectionId;
  onNavigate: (route: Route) => void;
}

/**
 * The shell's navigation as actions: "Go to <workspace>" for each workspace
 * the user may open (Alt+1… by position in the navigation, F8 then the digit
 * for users who cannot hold Alt), settings and each of its tabs, and the
 * palette's typed jumps (`ticket 42`, `工单 42`, `2026-W49`, `#/live/spring-sale`).
 */
export function NavigationActions({ workspaces, settingsTab, onNavigate }: NavigationActionsProps) {
  const { t, i18n } = useTranslation(['keyboard', 'shell', 'settings']);
  const text = useRouteText();
  const group = t('keyboard:groups.navigation');

  const vocabulary = useMemo(() => jumpVocabulary(i18n), [i18n]);

  useRegisterSuggester('navigation.jump', (query) =>
    routesForQuery(query, vocabulary)
      // Only places this user may open: a forbidden one would land somewhere else.
      .filter((route) => sameRoute(resolveRoute(route, workspaces, settingsTab), route))
      .map((route) => ({
        id: `jump:${formatRoute(route)}`,
        label: text.open(route),
        run: () => onNavigate(route),
      })),
  );

  // Each entry is found by its words in every language, whichever one is showing.
  const workspaceActions = workspaces.map((id, index) => {
    const position = index + 1;
    const keywords = languages.flatMap((lng) => {
      const name = i18n.getFixedT(lng, 'shell')(`workspaces.${id}.name`);
      return [name, i18n.getFixedT(lng, 'keyboard')('actions.goToWorkspace', { workspace: name })];
    });
    return (
      <ActionRegistration
        key={id}
        id={`workspace.${id}`}
        label={t('keyboard:actions.goToWorkspace', { workspace: t(`shell:workspaces.${id}.name`) })}
        group={group}
        keywords={keywords}
        defaultBindings={position <= 9 ? [`Alt+${position}`, `F8 ${position}`] : []}
        rank={-2}
        run={() => onNavigate({ name: id })}
      />
    );
  });

  const settingsRoute = (tab: SettingsSectionId): Route => ({ name: 'settings', tab });
  const settingsKeywords = languages.map((lng) => i18n.getFixedT(lng, 'settings')('title'));

  const tabActions = settingsSections.map((tab) => {
    const keywords = languages.flatMap((lng) => {
      const section = i18n.getFixedT(lng, 'settings')(settingsSectionLabelKeys[tab]);
      return [section, i18n.getFixedT(lng, 'keyboard')('actions.goToSettingsTab', { section })];
    });
    return (
      <ActionRegistration
        key={tab}
        id={`settings.tab.${tab}`}
        label={t('keyboard:actions.goToSettingsTab', {
          section: t(`settings:${settingsSectionLabelKeys[tab]}`),
        })}
        group={group}
        keywords={keywords}
        run={() => onNavigate(settingsRoute(tab))}
      />
    );
  });

  return (
    <>
      {workspaceActions}
      <ActionRegistration
        id="settings.open"
        label={t('keyboard:actions.goToSettings')}
        group={group}
        keywords={settingsKeywords}
        defaultBindings={settingsBindings}
        rank={-1}
        run={() => onNavigate(settingsRoute(settingsTab))}
      />
      {tabActions}
    </>
  );
}
