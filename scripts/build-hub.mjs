// `node scripts/build-hub.mjs`: bundles the hub (server/main.ts and the shared/ code it uses) into
// out/hub/main.mjs with esbuild, a regular dependency, so `npm run hub` runs from a production
// install (`npm ci --omit=dev`) without tsx. Packages stay external and load from node_modules
// (better-sqlite3 is native and cannot be bundled); out/hub/meta.json is esbuild's metafile, which
// tests read to prove every package the bundle leaves external is in package.json `dependencies`.
import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const hubBundle = join(root, 'out', 'hub', 'main.mjs');
export const hubMetafile = join(root, 'out', 'hub', 'meta.json');

/** Everything whose change can change the bundle. */
const sourceDirs = ['server', 'shared'].map((dir) => join(root, dir));
const sourceFiles = ['package.json', 'tsconfig.json', 'tsconfig.base.json', 'scripts/build-hub.mjs'].map(
  (file) => join(root, file),
);

function newestMtime(path) {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs; // a deleted file shows as a newer folder
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when out/hub/main.mjs is missing or older than any source it is built from. */
export function hubBundleIsStale() {
  const built = statSync(hubBundle, { throwIfNoEntry: false });
  if (!built || !statSync(hubMetafile, { throwIfNoEntry: false })) return true;
  const newest = Math.max(...sourceDirs.map(newestMtime), ...sourceFiles.map(newestMtime));
  return newest > built.mtimeMs;
}

/** Builds the bundle; files are written beside their final names and renamed, so a hub starting meanwhile never reads half a file. */
export async function buildHub() {
  const { build, stop } = await import('esbuild');
  try {
    const result = await build({
      absWorkingDir: root,
      entryPoints: ['server/main.ts'],
      outfile: hubBundle,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20.19',
      packages: 'external',
      sourcemap: 'linked',
      metafile: true,
      write: false,
      logLevel: 'warning',
    });
    mkdirSync(dirname(hubBundle), { recursive: true });
    const suffix = `.${process.pid}.tmp`;
    const files = [
      ...result.outputFiles.map((file) => ({ path: file.path, contents: file.contents })),
      { path: hubMetafile, contents: JSON.stringify(result.metafile) },
    ];
    // The bundle last: its mtime is what hubBundleIsStale compares.
    files.sort((a, b) => Number(a.path === hubBundle) - Number(b.path === hubBundle));
    for (const file of files) {
      writeFileSync(file.path + suffix, file.contents);
      renameSync(file.path + suffix, file.path);
    }
    return result.metafile;
  } finally {
    await stop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  const metafile = await buildHub();
  const bytes =
    metafile.outputs[Object.keys(metafile.outputs).find((o) => o.endsWith('main.mjs')) ?? '']?.bytes;
  console.log(
    `built out/hub/main.mjs (${Object.keys(metafile.inputs).length} sources, ${bytes ?? '?'} bytes) in ${Math.round(performance.now() - started)} ms`,
  );
}
