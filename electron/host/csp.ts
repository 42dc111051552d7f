export interface CspOptions {
  /** The hub the renderer talks to, when it is not the page's own origin. */
  hubUrl?: string | null;
  /**
   * The Vite dev server injects <style> tags and an inline React Refresh
   * preamble; only then are inline styles and scripts allowed.
   */
  dev?: boolean;
}

/**
 * The renderer's Content-Security-Policy, the same in Electron and in web mode
 * so end-to-end tests in web mode exercise the policy Electron ships with.
 */
export function contentSecurityPolicy({ hubUrl, dev = false }: CspOptions = {}): string {
  const connect = ["'self'", ...hubOrigins(hubUrl)];
  // Customers' photos in a conversation come from the hub (`/attachments/<id>`): its HTTP origin only.
  const images = ["'self'", 'data:', 'blob:', ...hubOrigins(hubUrl).slice(0, 1)];
  const inline = dev ? " 'unsafe-inline'" : '';
  return [
    "default-src 'self'",
    `script-src 'self'${inline}`,
    `style-src 'self'${inline}`,
    `connect-src ${connect.join(' ')}`,
    `img-src ${images.join(' ')}`,
    "media-src 'self' blob: mediastream:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The hub's HTTP origin and its WebSocket twin (socket.io upgrades to ws/wss). */
export function hubOrigins(hubUrl: string | null | undefined): string[] {
  if (!hubUrl) return [];
  const url = new URL(hubUrl);
  const ws = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return [url.origin, `${ws}//${url.host}`];
}
