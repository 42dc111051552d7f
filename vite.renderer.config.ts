import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./renderer/', import.meta.url));
const outDir = fileURLToPath(new URL('./out/web/', import.meta.url));

/**
 * The workstation renderer as web mode serves it, at /app/. For `vite` dev
 * runs, WINGS_WEB_URL (a running web mode, e.g. http://127.0.0.1:5170) lets
 * the bridge namespace through, so the UI can be worked on against real host services.
 */
const webModeUrl = process.env.WINGS_WEB_URL;

/**
 * Small assets become data: URIs, but the CSP allows media only from 'self'
 * (and blob:/mediastream: for Live): the alert sounds must stay files.
 */
export function keepSoundsAsFiles(filePath: string): boolean | undefined {
  return /\.(wav|mp3|ogg|oga|opus|flac|m4a|aac)$/i.test(filePath) ? false : undefined;
}

export default defineConfig({
  root,
  base: '/app/',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    // No source maps in the build that is shipped: a map is the renderer's whole readable source, and
    // nothing here would symbolicate stack traces with it. `npx vite build --sourcemap` makes them for a
    // local investigation; the /app route refuses to serve *.map either way (electron/web/static-app.ts).
    sourcemap: false,
    assetsInlineLimit: keepSoundsAsFiles,
    // The pinyin word list is one lazy chunk of about 1 MB, loaded when a keyboard first opens (resources/ime).
    chunkSizeWarningLimit: 1300,
  },
  server: webModeUrl ? { proxy: { '/socket.io': { target: webModeUrl, ws: true } } } : {},
});
