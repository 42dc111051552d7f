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

export default defineConfig({
  root,
  base: '/app/',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    // Web mode serves it to local Chromium only; readable stack traces are worth more than bytes.
    sourcemap: true,
  },
  server: webModeUrl ? { proxy: { '/socket.io': { target: webModeUrl, ws: true } } } : {},
});
