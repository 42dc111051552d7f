import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./server/web/live/', import.meta.url));
const outDir = fileURLToPath(new URL('./out/live/', import.meta.url));

/**
 * The live viewer page the hub serves at /live/<slug> (server/web/live-route.ts).
 * Its own entry, apart from the workstation renderer and the chat page: a
 * viewer's phone downloads the room and nothing else. Assets are addressed
 * from /live/ since the page's own address ends in the room's slug. No
 * source maps are shipped, and the route refuses to serve any.
 */
export default defineConfig({
  root,
  base: '/live/',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: false,
    // Under the page's CSP (no data: fonts or scripts), nothing is inlined as a data: URI but images.
    assetsInlineLimit: 0,
  },
});
