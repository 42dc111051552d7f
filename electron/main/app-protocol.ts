import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { resolveAppPath } from './app-path';
import { appHost, appScheme } from './origin';

/** Must run before `app` is ready: makes `wings://app` a standard, secure origin (camera and mic need that). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/**
 * Serves the built renderer (`out/renderer`) at `wings://app/`, with the CSP on
 * every document: header-based CSP is not reliable for file:// pages.
 */
export function serveRenderer(rendererDir: string, csp: string): void {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    if (url.host !== appHost) return new Response('Not found', { status: 404 });
    const resolved = resolveAppPath(rendererDir, url.pathname);
    if (resolved.status !== 200) {
      return new Response(resolved.status === 400 ? 'Bad request' : 'Not found', { status: resolved.status });
    }
    const found = await net.fetch(pathToFileURL(resolved.file).toString()).catch(() => null);
    if (!found?.ok) return new Response('Not found', { status: 404 });
    const headers = new Headers(found.headers);
    headers.set('X-Content-Type-Options', 'nosniff');
    if (resolved.document) headers.set('Content-Security-Policy', csp);
    return new Response(found.body, { status: 200, headers });
  });
}
