import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { keepSoundsAsFiles } from './vite.renderer.config';

const path = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * `electron-vite build` → out/main (ESM, package.json "main"), out/preload
 * (CJS: a sandboxed preload cannot load ES modules) and out/renderer (served
 * at wings://app/ by the main process). Independent of vite.renderer.config.ts,
 * which builds the same renderer for web mode at /app/.
 */
export default defineConfig({
  main: {
    build: {
      rolldownOptions: { input: { index: path('electron/main/index.ts') } },
      // Native and server dependencies load from node_modules at run time; better-sqlite3 must not be bundled.
      externalizeDeps: { include: ['better-sqlite3'] },
    },
  },
  preload: {
    build: {
      rolldownOptions: {
        input: { index: path('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
      // The sandbox gives the preload no require() for node_modules: zod (for the channel names) is bundled.
      externalizeDeps: false,
    },
  },
  renderer: {
    root: path('renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: path('out/renderer'),
      rolldownOptions: { input: { index: path('renderer/index.html') } },
      // As for web mode (vite.renderer.config.ts): no maps shipped, alert sounds kept as files for the CSP.
      sourcemap: false,
      assetsInlineLimit: keepSoundsAsFiles,
    },
  },
});
