import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./server/web/chat/', import.meta.url));
const outDir = fileURLToPath(new URL('./out/chat/', import.meta.url));

/**
 * The customer chat page the hub serves at /chat/ (server/web/chat-route.ts).
 * Its own entry, apart from the workstation renderer: a customer's phone
 * downloads the chat and nothing of the workstation. No source maps are
 * shipped, and the route refuses to serve any.
 */
export default defineConfig({
  root,
  base: '/chat/',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: false,
    // Under the page's CSP (no data: fonts or scripts), nothing is inlined as a data: URI but images.
    assetsInlineLimit: 0,
  },
});
