// `npm start`: the Electron workstation; where Electron cannot run, web mode, said in one line.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { electronStatus } from './electron-status.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const status = electronStatus();

if (!status.ok) {
  console.log(`Electron is not available here (${status.reason}): starting web mode instead.`);
  // Same process and arguments as `npm run start:web`.
  await import('./start-web.mjs');
} else {
  step(process.execPath, [fileURLToPath(new URL('./build-electron-sqlite.mjs', import.meta.url))]);
  step(process.execPath, [
    fileURLToPath(new URL('../node_modules/electron-vite/bin/electron-vite.js', import.meta.url)),
    'build',
  ]);
  // The customer chat page the embedded hub serves at /chat (vite.chat.config.ts).
  step(process.execPath, [
    fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url)),
    'build',
    '--config',
    'vite.chat.config.ts',
  ]);
  const electron = spawn(status.binary, ['.', ...args], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => electron.kill(signal));
  electron.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function step(cmd, stepArgs) {
  const result = spawnSync(cmd, stepArgs, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
