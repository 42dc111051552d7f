import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/host/host-db';
import { createTypingHistoryStore } from '../../electron/host/typing-history-store';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function openDb(): Database.Database {
  const dir = mkdtempSync(join(tmpdir(), 'wings-typing-'));
  dirs.push(dir);
  const db = new Database(join(dir, 'host.sqlite'));
  migrate(db);
  return db;
}

describe('typing history store', () => {
  it('keeps each worker to their own newest entries, oldest first', () => {
    const db = openDb();
    const store = createTypingHistoryStore(db, 3);
    for (let i = 1; i <= 5; i++) store.add('a', `mine ${i}`, i);
    store.add('b', 'theirs', 9);
    expect(store.list('a')).toEqual([
      { text: 'mine 3', at: 3 },
      { text: 'mine 4', at: 4 },
      { text: 'mine 5', at: 5 },
    ]);
    expect(store.list('b')).toEqual([{ text: 'theirs', at: 9 }]);
    expect(db.prepare('SELECT count(*) AS n FROM typing_history').get()).toEqual({ n: 4 });
    db.close();
  });

  it('forgets one worker without touching another', () => {
    const db = openDb();
    const store = createTypingHistoryStore(db);
    store.add('a', 'one', 1);
    store.add('a', 'two', 2);
    store.add('b', 'kept', 3);
    expect(store.forget('a')).toBe(2);
    expect(store.list('a')).toEqual([]);
    expect(store.list('b')).toEqual([{ text: 'kept', at: 3 }]);
    db.close();
  });
});
