// `npm run package [-- <electron-builder args>]`: Electron build + installers (electron-builder.yml).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { electronStatus } from './electron-status.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const status = electronStatus({ needDisplay: false });
if (!status.ok) {
  console.error(`Cannot package: ${status.reason}.`);
  process.exit(1);
}

const script = (path) => fileURLToPath(new URL(path, import.meta.url));
step(process.execPath, [script('./build-electron-sqlite.mjs')]);
step(process.execPath, [script('../node_modules/electron-vite/bin/electron-vite.js'), 'build']);
// The customer chat page the embedded hub serves at /chat, packed as out/chat.
step(process.execPath, [
  script('../node_modules/vite/bin/vite.js'),
  'build',
  '--config',
  'vite.chat.config.ts',
]);
step(process.execPath, [
  script('../node_modules/electron-builder/cli.js'),
  '--config',
  'electron-builder.yml',
  // The installed Electron, exactly: package.json only names a range.
  `-c.electronVersion=${status.version}`,
  ...process.argv.slice(2),
]);

function step(cmd, args) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
