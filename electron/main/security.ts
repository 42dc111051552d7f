import { app, shell, type Session } from 'electron';
import { externalWebUrl } from '../../shared/bridge/external-url';
import { originOf } from './origin';

const grantable = new Set(['media', 'notifications']);

export interface SecurityOptions {
  /** The renderer's origin: `wings://app`, or the dev server's. */
  appOrigin: string;
  csp: string;
}

/**
 * Everything the renderer may do beyond plain page rendering is decided here:
 * its CSP, which permissions it gets, where it may navigate, and that it never
 * opens windows of its own.
 */
export function applySecurity(session: Session, { appOrigin, csp }: SecurityOptions): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    if (originOf(details.url) !== appOrigin) {
      callback({});
      return;
    }
    const responseHeaders = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(
        ([name]) => name.toLowerCase() !== 'content-security-policy',
      ),
    );
    responseHeaders['Content-Security-Policy'] = [csp];
    callback({ responseHeaders });
  });

  // Camera and microphone for Live, notifications for new work; only for the app itself.
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(grantable.has(permission) && originOf(details.requestingUrl) === appOrigin);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => {
    return grantable.has(permission) && originOf(requestingOrigin) === appOrigin;
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (originOf(url) === appOrigin) return;
      event.preventDefault();
      openIfWeb(url);
    });
    contents.on('will-redirect', (event, url) => {
      if (originOf(url) !== appOrigin) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      openIfWeb(url);
      return { action: 'deny' };
    });
  });
}

/**
 * Links leave the app for the user's browser: only web pages on other computers
 * (shared/bridge/external-url.ts says why); file:, custom schemes and loopback stay closed.
 */
export function openIfWeb(url: string): void {
  const target = externalWebUrl(url);
  if (target === null) return;
  // No handler for the link on this system: nothing the page could do about it.
  shell.openExternal(target).catch((error: unknown) => console.warn('could not open a link', error));
}
