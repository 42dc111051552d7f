import { v7 as uuidv7 } from 'uuid';
import { expect } from '@playwright/test';
import { hostCall, hostSessionId } from './host';

/**
 * A team note the hub refuses for good, queued while the page is open: an
 * admin command is applied under a command id (the page's outbox sends it),
 * then a team note is queued under the same id, and the hub answers
 * `conflict`. Resolves once the note is in the "not sent" list.
 */
export async function refusedNote(base: string, body: string): Promise<string> {
  const sessionId = await hostSessionId(base);
  const notSent = async () => {
    const list = await hostCall(base, 'outbox.list', { sessionId });
    if (!list.ok) throw new Error(`outbox.list: ${list.error.code}`);
    return { pending: list.data.pending.map((e) => e.id), notSent: list.data.notSent.map((e) => e.id) };
  };
  const id = uuidv7();
  const account = {
    id,
    username: `temp-${id.slice(-12)}`,
    displayName: 'Temporary account',
    password: 'temporary-password',
    roles: ['agent'],
  };
  const first = await hostCall(base, 'outbox.put', {
    sessionId,
    id,
    event: 'admin.users.create',
    payload: account,
    draftKey: null,
  });
  expect(first.ok).toBe(true);
  await expect.poll(async () => (await notSent()).pending).not.toContain(id);
  expect((await notSent()).notSent).not.toContain(id);
  const note = await hostCall(base, 'outbox.put', {
    sessionId,
    id,
    event: 'team.post',
    payload: { id, body },
    draftKey: 'team.note',
  });
  expect(note.ok).toBe(true);
  await expect.poll(async () => (await notSent()).notSent).toContain(id);
  return id;
}
