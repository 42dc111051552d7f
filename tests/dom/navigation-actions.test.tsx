import { act, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Language } from '../../shared/i18n';
import { ActionRegistry, ActionsProvider } from '../../renderer/a11y/keyboard/actions';
import { Router } from '../../renderer/app/router/router';
import { NavigationActions } from '../../renderer/app/shell/NavigationActions';
import type { WorkspaceId } from '../../renderer/app/workspaces';
import { i18nFor } from './support/providers';

let router: Router;
let stop: () => void;

beforeEach(() => {
  window.history.replaceState(null, '', '/app/');
  router = new Router(window);
  stop = router.start();
});
afterEach(() => stop());

function withI18n(language: Language, children: ReactNode) {
  return <I18nextProvider i18n={i18nFor(language)}>{children}</I18nextProvider>;
}

function mountActions(language: Language, workspaces: readonly WorkspaceId[]): ActionRegistry {
  const registry = new ActionRegistry();
  render(
    withI18n(
      language,
      <ActionsProvider registry={registry}>
        <NavigationActions
          workspaces={workspaces}
          settingsTab="display"
          onNavigate={(r) => router.navigate(r)}
        />
      </ActionsProvider>,
    ),
  );
  return registry;
}

const labels = (registry: ActionRegistry, query: string) => registry.suggest(query).map((a) => a.label);

describe('navigation actions', () => {
  it('offers Go to for each allowed workspace, settings and every settings tab', () => {
    const registry = mountActions('en', ['tickets', 'shifts']);
    const ids = registry.getSnapshot().map((a) => a.id);
    expect(ids).toEqual([
      'workspace.tickets',
      'workspace.shifts',
      'settings.open',
      'settings.tab.display',
      'settings.tab.alerts',
      'settings.tab.scanning',
      'settings.tab.timing',
      'settings.tab.keyboard',
      'settings.tab.shortcuts',
    ]);
    expect(registry.get('settings.tab.timing')?.label).toBe('Go to settings: Scan timing');
    // Found in the palette by the other language's words too.
    expect(registry.get('settings.tab.timing')?.keywords).toContain('转到设置：扫描时间');
    expect(registry.get('workspace.shifts')?.defaultBindings).toEqual(['Alt+2', 'F8 2']);
  });

  it('turns a typed place into an entry that navigates there, in either language', () => {
    const registry = mountActions('en', ['tickets', 'shifts']);
    expect(labels(registry, 'ticket 42')).toEqual(['Open ticket 42']);
    expect(labels(registry, '工单 42')).toEqual(['Open ticket 42']);
    expect(labels(registry, '#/tickets/42')).toEqual(['Open ticket 42']);
    expect(labels(registry, '2026-W49')).toEqual(['Open shifts for week 2026-W49']);
    expect(labels(registry, 'settings timing')).toEqual(['Open settings: Scan timing']);

    const [entry] = registry.suggest('ticket 42');
    if (!entry) throw new Error('no entry for ticket 42');
    act(() => registry.invoke(entry));
    expect(window.location.hash).toBe('#/tickets/42');
    expect(router.getSnapshot().navigation).toBe(1);
  });

  it('speaks Chinese when the screen does', () => {
    const registry = mountActions('zh-CN', ['tickets', 'shifts']);
    expect(labels(registry, 'ticket 42')).toEqual(['打开工单 42']);
    expect(labels(registry, '班次 2026-W49')).toEqual(['打开 2026-W49 周的班次']);
    expect(registry.get('workspace.tickets')?.label).toBe('转到工单');
  });

  it('offers no place the user may not open', () => {
    const registry = mountActions('en', ['tickets', 'shifts']);
    expect(labels(registry, 'live spring-sale')).toEqual([]);
    expect(labels(registry, 'employer quota')).toEqual([]);
    expect(labels(registry, '#/live')).toEqual([]);
    expect(registry.get('workspace.live')).toBeUndefined();
  });
});
