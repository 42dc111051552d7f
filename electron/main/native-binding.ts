import { app } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3 built for Electron's ABI by scripts/build-electron-sqlite.mjs.
 * node_modules keeps the Node build so tests and web mode are unaffected; in a
 * package it sits outside the asar, since a .node file cannot load from inside.
 */
export function electronSqliteBinding(): string {
  const appPath = app.getAppPath();
  const base = app.isPackaged ? appPath.replace(/app\.asar$/, 'app.asar.unpacked') : appPath;
  const binding = join(base, '.electron-abi', 'better_sqlite3.node');
  if (!existsSync(binding)) {
    throw new Error(
      `${binding} is missing: run \`node scripts/build-electron-sqlite.mjs\` (npm start does).`,
    );
  }
  return binding;
}
