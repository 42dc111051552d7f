import { describe, expect, it } from 'vitest';
import { ticketSettingsStore } from '../../renderer/tickets/settings-store';
import { call, expectOk, newId, signIn } from '../support/hub-client';
import { until } from '../support/until';
import { signedInDesk } from './support/signed-in';

/** The agent's copy of the routing settings, over a real demo hub, while a supervisor changes them. */
const desk = signedInDesk('agent');

describe('the organisation’s ticket settings on an agent’s workstation', () => {
  it('follow a supervisor’s save at once, without a reconnect', async () => {
    const store = desk.session.store(ticketSettingsStore);
    await until(() => store.settings !== null);
    const before = store.settings;
    if (!before) throw new Error('no settings read');
    const boss = await signIn(desk.ws.hub.hub.url, 'employer', 'wings-demo');
    try {
      const urgent = before.sla.urgent;
      const sla = { ...before.sla, urgent: { ...urgent, firstResponseMs: urgent.firstResponseMs + 60_000 } };
      expectOk(await call(boss, 'tickets.saveSettings', { id: newId(), assignmentMode: 'claim', sla }));
      await until(() => store.settings?.assignmentMode === 'claim');
      expect(store.settings).toEqual({ assignmentMode: 'claim', sla });
    } finally {
      boss.close();
    }
  }, 30_000);
});
