// Type-checks Electron's main and preload (tsconfig.electron.json). Their types come with the
// electron package, so where it is not installed this says so in one line and passes.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

try {
  createRequire(import.meta.url).resolve('electron/electron.d.ts');
} catch {
  console.log(
    'typecheck: electron is not installed, so electron/main and electron/preload are not type-checked.',
  );
  process.exit(0);
}
const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.electron.json'], {
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
