// `npm run hub -- [flags]`: the hub CLI (server/main.ts) from its esbuild bundle, rebuilt first when
// missing or older than its sources (scripts/build-hub.mjs). It runs in this very process, so
// SIGINT/SIGTERM reach the hub's own handlers and its exit code is the command's. Needs no
// devDependency: esbuild is a regular dependency.
import { pathToFileURL } from 'node:url';
import { buildHub, hubBundle, hubBundleIsStale } from './build-hub.mjs';

if (hubBundleIsStale()) {
  // stderr: stdout carries only the hub's own lines (`listening on …`), which launchers read.
  process.stderr.write('hub: building out/hub/main.mjs\n');
  try {
    await buildHub();
  } catch (error) {
    process.stderr.write(`hub: could not build: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
// Stack traces in the hub's logs then name server/*.ts lines, not bundle lines.
process.setSourceMapsEnabled(true);
await import(pathToFileURL(hubBundle).href);
