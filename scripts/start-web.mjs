// `npm run start:web [-- --port <p>] [--data <dir>] [--hub <url>] [--build]`:
// builds the renderer when needed, then runs web mode (electron/web/main.ts) in this same process.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);

const built = ['../out/web/index.html', '../out/chat/index.html'].every((file) =>
  existsSync(new URL(file, import.meta.url)),
);
if (args.includes('--build') || !built) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const build = spawnSync(npm, ['run', 'build:web'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (build.status !== 0) {
    console.error(
      'web mode: `npm run build:web` failed, so there is no renderer to serve; see the output above.',
    );
    process.exit(1);
  }
}

// One process: tsx compiles the TypeScript on import, and signals reach web mode directly.
register();
process.argv = [
  process.argv[0] ?? 'node',
  fileURLToPath(new URL('../electron/web/main.ts', import.meta.url)),
  ...args,
];
await import('../electron/web/main.ts');
