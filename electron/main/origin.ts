/**
 * Origins compared as `scheme://host[:port]`. WHATWG `URL.origin` is "null" for
 * non-special schemes such as `wings:`, so it cannot be used for the app's own.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (!parsed.host) return null;
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/** The scheme the built renderer is served from: a real, secure origin, unlike file://. */
export const appScheme = 'wings';
export const appHost = 'app';
export const builtAppOrigin = `${appScheme}://${appHost}`;
