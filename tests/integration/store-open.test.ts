import { createHash } from 'node:crypto';
import {
  closeSync,
  cpSync,
  existsSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  truncateSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHub } from '../../server/app';
import { createDatabase } from '../../server/store/database';
import { StoreOpenError } from '../../server/store/errors';
import { call, expectOk, newId, signIn, startHub, tempDir } from '../support/hub-client';
import { spawnHubCli } from '../support/hub-process';

/** A hub that has run: demo data, one note of its own, its token key; closed, so the copy is consistent. */
let template: string;
const dirs: string[] = [];

beforeAll(async () => {
  const t = await startHub({ demo: true });
  const socket = await signIn(t.hub.url, 'agent', 'wings-demo');
  expectOk(await call(socket, 'team.post', { id: newId(), body: 'before the damage' }));
  socket.close();
  await t.stop({ keep: true });
  template = t.dataDir;
});

afterAll(() => rmSync(template, { recursive: true, force: true }));
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function copyOfTemplate(): { dir: string; file: string } {
  const dir = tempDir('wings-damaged-');
  dirs.push(dir);
  cpSync(template, dir, { recursive: true });
  return { dir, file: join(dir, 'hub.sqlite') };
}

function pageOf(file: string, table: string): { page: number; pageSize: number } {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const row = db.prepare('select rootpage from sqlite_master where name = ?').get(table) as {
      rootpage: number;
    };
    return { page: row.rootpage, pageSize: db.pragma('page_size', { simple: true }) as number };
  } finally {
    db.close();
  }
}

function overwrite(file: string, offset: number, bytes: Buffer): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, bytes, 0, bytes.length, offset);
  } finally {
    closeSync(fd);
  }
}

const digest = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

async function refusal(dir: string): Promise<StoreOpenError> {
  const err: unknown = await createHub({ dataDir: dir, logLevel: 'silent', port: 0 }).then(
    async (hub) => {
      await hub.close();
      return null;
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StoreOpenError);
  return err as StoreOpenError;
}

describe('a hub opening a damaged store', () => {
  const damages: Array<[string, (file: string) => void, RegExp]> = [
    [
      'a table page overwritten',
      (file) => {
        const { page, pageSize } = pageOf(file, 'team_messages');
        overwrite(file, (page - 1) * pageSize, Buffer.alloc(pageSize, 0x5a));
      },
      /malformed/,
    ],
    ['the header overwritten', (file) => overwrite(file, 0, Buffer.alloc(100, 0x41)), /not a database/],
    ['the file cut in half', (file) => truncateSync(file, Math.floor(statSync(file).size / 2)), /malformed/],
    ['the file emptied, its token key beside it', (file) => truncateSync(file, 0), /holds no tables/],
  ];

  it.each(damages)(
    'refuses to start on %s, names the file, and leaves it as it was',
    async (_, damage, why) => {
      const { dir, file } = copyOfTemplate();
      damage(file);
      const before = digest(file);
      const err = await refusal(dir);
      expect(err.reason).toBe('damaged');
      expect(err.path).toBe(file);
      expect(err.message).toContain(`the store ${file} is damaged`);
      expect(err.message).toMatch(why);
      expect(err.message).toMatch(/will not start/);
      expect(digest(file)).toBe(before);
    },
  );

  it('finds an index that no longer matches its table (integrity_check on a small store)', async () => {
    const { dir, file } = copyOfTemplate();
    // One byte of a username changes in the table's page and not in its indexes: every page stays well
    // formed, so only a check that compares index entries with table rows (integrity_check) sees it.
    const { page, pageSize } = pageOf(file, 'users');
    const bytes = readFileSync(file).subarray((page - 1) * pageSize, page * pageSize);
    const at = bytes.indexOf('agent');
    expect(at).toBeGreaterThan(0);
    overwrite(file, (page - 1) * pageSize + at, Buffer.from('agenu'));
    const quick = new BetterSqlite3(file, { readonly: true });
    expect(quick.pragma('quick_check', { simple: true })).toBe('ok');
    quick.close();

    const err = await refusal(dir);
    expect(err.reason).toBe('damaged');
    expect(err.message).toMatch(/integrity_check: .*missing from index/);
  });

  it('starts on an intact copy, whose data is all there', async () => {
    const { dir } = copyOfTemplate();
    const t = await startHub({ dataDir: dir });
    try {
      const socket = await signIn(t.hub.url, 'agent', 'wings-demo');
      const page = expectOk(await call(socket, 'team.history', { limit: 50 }));
      expect(page.items.map((m) => m.body)).toContain('before the damage');
      socket.close();
    } finally {
      await t.hub.close();
    }
  });
});

describe('a hub whose store is missing', () => {
  it('refuses to start as a new hub while its token key is there', async () => {
    const { dir, file } = copyOfTemplate();
    rmSync(file);
    const err = await refusal(dir);
    expect(err.reason).toBe('missing');
    // The demo sealed its certificate numbers: the records key is beside it too, and named.
    expect(err.message).toContain(
      `the store ${file} is missing, but ${join(dir, 'token.key')} and ${join(dir, 'records.key')} are beside it`,
    );
    expect(existsSync(file)).toBe(false);
  });

  it('refuses to start as a new hub while its WAL is there', async () => {
    const { dir, file } = copyOfTemplate();
    rmSync(join(dir, 'token.key'));
    renameSync(file, `${file}-wal`);
    const err = await refusal(dir);
    expect(err.reason).toBe('missing');
    expect(err.message).toContain(`${file}-wal`);
    expect(existsSync(file)).toBe(false);
  });

  it('still starts a new hub in an empty directory', async () => {
    const dir = tempDir('wings-fresh-');
    dirs.push(dir);
    const hub = await createHub({ dataDir: dir, logLevel: 'silent', port: 0 });
    expect(hub.setupCode).not.toBeNull();
    await hub.close();
  });

  it('opens a store with no companions named (tests, tools) even when it is new', async () => {
    const dir = tempDir('wings-plain-');
    dirs.push(dir);
    const db = createDatabase({ kind: 'sqlite', file: join(dir, 'plain.sqlite') });
    await db.destroy();
    expect(existsSync(join(dir, 'plain.sqlite'))).toBe(true);
  });
});

describe('the hub CLI on a store it will not open', () => {
  it.each([
    ['damaged', (file: string) => overwrite(file, 0, Buffer.alloc(100, 0x41)), 'is damaged'],
    ['missing', (file: string) => rmSync(file), 'is missing'],
  ] as const)('exits 1 with one line naming the %s store', async (_, damage, says) => {
    const { dir, file } = copyOfTemplate();
    damage(file);
    const run = spawnHubCli(['--port', '0', '--data', dir, '--log-level', 'silent']);
    expect(await run.exited).toEqual({ code: 1, signal: null });
    const lines = run.stderr.join('').trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^hub: could not start: the store ${file} ${says}`));
    expect(run.stdout.join('')).toBe('');
  });
});
