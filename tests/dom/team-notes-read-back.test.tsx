import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoOrganisation } from '../../server/demo/data';
import { TeamNotes } from '../../renderer/app/team/TeamNotes';
import { call, expectOk, newId, signIn } from '../support/hub-client';
import { signedInDesk } from './support/signed-in';

/**
 * Reading far back through a busy board: the notes kept in memory are
 * capped, so past the cap the window stops short of the newest notes. The
 * worker must be able to come back to them, and to what arrived meanwhile.
 * Real hub, real host; the board is written straight into the hub's store.
 */
const desk = signedInDesk('employer');
const total = 600;

/** Fills the demo shop's board up to `total` notes, with the consecutive seqs the hub itself gives. */
function seedBoard(): void {
  const db = new BetterSqlite3(join(desk.ws.hub.dataDir, 'hub.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    const org = db.prepare('SELECT id FROM organisations WHERE name = ?').get(demoOrganisation) as {
      id: number;
    };
    const boss = db
      .prepare("SELECT id FROM users WHERE org_id = ? AND username = 'employer'")
      .get(org.id) as { id: number };
    const last = db.prepare('SELECT max(seq) AS seq FROM team_messages WHERE org_id = ?').get(org.id) as {
      seq: number | null;
    };
    const insert = db.prepare(
      'INSERT INTO team_messages (org_id, seq, command_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    db.transaction(() => {
      for (let seq = (last.seq ?? 0) + 1; seq <= total; seq++)
        insert.run(org.id, seq, `seed-${seq}`, boss.id, `board note ${seq}`, 1_700_000_000_000 + seq);
    })();
  } finally {
    db.close();
  }
}

describe('team notes, read far back', () => {
  // Generous: it pages a real hub's history, which takes seconds when the machine is loaded.
  it('offer the way back to the newest notes, and to what arrived while the worker read', async () => {
    const user = userEvent.setup();
    seedBoard();
    desk.render(<TeamNotes />);
    const log = screen.getByRole('log', { name: /^Notes/ });
    await waitFor(() => expect(log).toHaveTextContent(`board note ${total}`));

    // Ten pages back: more than the feed keeps, so the newest notes leave memory.
    for (let page = 0; page < 10; page++) {
      await user.click(await screen.findByRole('button', { name: 'Show older notes' }));
      await screen.findByRole('button', { name: 'Show older notes' });
    }
    await waitFor(() => expect(log).not.toHaveTextContent(`board note ${total}`));

    // A colleague writes meanwhile, at another desk.
    const colleague = await signIn(desk.ws.hub.hub.url, 'agent', 'wings-demo');
    try {
      expectOk(await call(colleague, 'team.post', { id: newId(), body: 'Written while you read back' }));
    } finally {
      colleague.close();
    }

    // The 50 notes that left memory, and the colleague's.
    await screen.findByRole('button', { name: 'Show newer notes (51 more)' });
    const newer = () => screen.queryByRole('button', { name: /^Show newer notes/ });
    while (newer()) {
      const button = newer();
      if (button) await user.click(button);
      await waitFor(() => expect(screen.queryByRole('button', { name: 'Loading newer notes…' })).toBeNull());
    }
    expect(log).toHaveFocus();
    expect(log).toHaveTextContent(`board note ${total}`);
    expect(within(log).getAllByRole('listitem').at(-1)).toHaveTextContent('Written while you read back');
  }, 30_000);
});
