// Builds better-sqlite3 for Electron's ABI into .electron-abi/better_sqlite3.node, leaving
// node_modules' Node build alone (tests, the hub CLI and web mode need that one).
// `node scripts/build-electron-sqlite.mjs [--target <electron version>] [--force]`
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { electronStatus } from './electron-status.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, '.electron-abi');
const binding = join(outDir, 'better_sqlite3.node');
const stampFile = join(outDir, 'stamp.json');
const logFile = join(outDir, 'build.log');
const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

const { values } = parseArgs({ options: { target: { type: 'string' }, force: { type: 'boolean' } } });
const target = values.target ?? electronStatus().version;
if (!target) {
  fail(
    'Electron is not installed (its binary download is blocked or failed), so there is no ABI to build for.',
  );
}

const sqliteVersion = JSON.parse(
  readFileSync(join(root, 'node_modules/better-sqlite3/package.json'), 'utf8'),
).version;
const stamp = {
  electron: target,
  betterSqlite3: sqliteVersion,
  platform: process.platform,
  arch: process.arch,
};
if (!values.force && existsSync(binding) && existsSync(stampFile)) {
  if (readFileSync(stampFile, 'utf8') === JSON.stringify(stamp)) process.exit(0);
}

// Build in a copy: node-gyp and prebuild-install write into the package's build/ folder.
const work = join(outDir, 'work');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const source = join(root, 'node_modules/better-sqlite3');
for (const part of ['package.json', 'binding.gyp', 'src', 'deps'])
  cpSync(join(source, part), join(work, part), { recursive: true });

const log = [];
const run = (cmd, args) => {
  const result = spawnSync(cmd, args, { cwd: work, encoding: 'utf8', shell: process.platform === 'win32' });
  log.push(
    `$ ${cmd} ${args.join(' ')}`,
    result.stdout ?? '',
    result.stderr ?? '',
    String(result.error ?? ''),
  );
  return result.status === 0;
};
const electronArgs = [`--runtime=electron`, `--target=${target}`, `--arch=${process.arch}`];
// A published prebuild needs no compiler; otherwise compile against Electron's headers.
const built =
  run(bin('prebuild-install'), [...electronArgs, `--platform=${process.platform}`]) ||
  run(bin('node-gyp'), [
    'rebuild',
    '--release',
    ...electronArgs,
    '--dist-url=https://electronjs.org/headers',
  ]);
writeFileSync(logFile, log.join('\n'));
const output = join(work, 'build/Release/better_sqlite3.node');
if (!built || !existsSync(output)) {
  rmSync(work, { recursive: true, force: true });
  fail(
    `could not build better-sqlite3 ${sqliteVersion} for Electron ${target}: neither a prebuild nor Electron's headers could be downloaded (details: ${logFile}).`,
  );
}
copyFileSync(output, binding);
writeFileSync(stampFile, JSON.stringify(stamp));
rmSync(work, { recursive: true, force: true });
console.log(`better-sqlite3 ${sqliteVersion} built for Electron ${target}: ${binding}`);

function fail(message) {
  console.error(`build-electron-sqlite: ${message}`);
  process.exit(1);
}
