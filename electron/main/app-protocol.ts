import { net, protocol } from 'electron';
import { extname, join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
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
  const root = normalize(rendererDir + sep);
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    if (url.host !== appHost) return new Response('Not found', { status: 404 });
    const relative = decodeURIComponent(url.pathname);
    // Extension-less paths are the single-page app's routes.
    const wantsDocument = extname(relative) === '' || relative.endsWith('.html');
    const file = normalize(join(root, wantsDocument && extname(relative) === '' ? 'index.html' : relative));
    if (!file.startsWith(root)) return new Response('Not found', { status: 404 });
    const found = await net.fetch(pathToFileURL(file).toString()).catch(() => null);
    if (!found?.ok) return new Response('Not found', { status: 404 });
    const headers = new Headers(found.headers);
    headers.set('X-Content-Type-Options', 'nosniff');
    if (wantsDocument) headers.set('Content-Security-Policy', csp);
    return new Response(found.body, { status: 200, headers });
  });
}
