import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { settingsSectionLabelKeys } from '../../a11y/settings/settings-sections';
import type { Route } from './routes';

export interface RouteText {
  /** What the place is called: the document title and what a screen reader hears first. */
  title: (route: Route) => string;
  /** The palette's entry for jumping there: "Open ticket 42". */
  open: (route: Route) => string;
}

/** Words for routes in the language showing. */
export function useRouteText(): RouteText {
  const { t } = useTranslation(['shell', 'keyboard', 'settings']);

  const title = useCallback(
    (route: Route): string => {
      const workspace =
        route.name === 'settings' ? t('settings:title') : t(`shell:workspaces.${route.name}.name`);
      switch (route.name) {
        case 'tickets':
          return route.ticketId === undefined
            ? workspace
            : t('shell:routeTitles.ticket', { id: route.ticketId });
        case 'live':
          return route.room === undefined ? workspace : t('shell:routeTitles.room', { room: route.room });
        case 'shifts':
          return route.week === undefined ? workspace : t('shell:routeTitles.week', { week: route.week });
        case 'employer':
          return route.view === undefined
            ? workspace
            : t('shell:routeTitles.employerView', { view: t(`shell:employerViews.${route.view}`) });
        case 'settings':
          return route.tab === undefined
            ? workspace
            : t('shell:routeTitles.settingsTab', {
                settings: workspace,
                tab: t(`settings:${settingsSectionLabelKeys[route.tab]}`),
              });
      }
    },
    [t],
  );

  const open = useCallback(
    (route: Route): string => {
      switch (route.name) {
        case 'tickets':
          if (route.ticketId !== undefined) return t('keyboard:jump.ticket', { id: route.ticketId });
          break;
        case 'live':
          if (route.room !== undefined) return t('keyboard:jump.room', { room: route.room });
          break;
        case 'shifts':
          if (route.week !== undefined) return t('keyboard:jump.week', { week: route.week });
          break;
        case 'employer':
          if (route.view !== undefined)
            return t('keyboard:jump.employerView', { view: t(`shell:employerViews.${route.view}`) });
          break;
        case 'settings':
          if (route.tab !== undefined)
            return t('keyboard:jump.settingsTab', {
              tab: t(`settings:${settingsSectionLabelKeys[route.tab]}`),
            });
          break;
      }
      return t('keyboard:jump.workspace', { workspace: title(route) });
    },
    [t, title],
  );

  return useMemo(() => ({ title, open }), [title, open]);
}
