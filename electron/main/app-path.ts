import { extname, join, normalize, sep } from 'node:path';

/** What a `wings://app` path names inside the built renderer, or the status that refuses it. */
export type AppPathResolution = { status: 200; file: string; document: boolean } | { status: 400 | 404 };

/**
 * Maps the path of a `wings://app/…` request to a file of the built renderer.
 * Kept free of the electron import so plain-Node tests can attack it.
 *
 * - A malformed escape (`%`, `%zz`) is the request's fault: 400, not a thrown
 *   URIError that Electron would turn into a failed load.
 * - An encoded separator (`%2F`, `%5C`) or NUL names no file of the build, and
 *   after decoding it would let one segment climb as `..%2F..`: 400.
 * - Whatever survives is joined under the root and must still be inside it: 404.
 * - Source maps are never served, should a build leave one behind: 404.
 * - Extension-less paths are the single-page app's routes: they get index.html.
 */
export function resolveAppPath(rendererDir: string, pathname: string): AppPathResolution {
  if (/%(2f|5c|00)/i.test(pathname)) return { status: 400 };
  let relative: string;
  try {
    relative = decodeURIComponent(pathname);
  } catch {
    return { status: 400 };
  }
  // A raw backslash is a separator on Windows; NUL truncates paths in some file APIs.
  if (/[\\\0]/.test(relative)) return { status: 400 };

  const root = normalize(rendererDir + sep);
  const extension = extname(relative);
  // Any case: Windows and macOS file systems would open `index.js.MAP` as the map.
  if (extension.toLowerCase() === '.map') return { status: 404 };
  const file = normalize(join(root, extension === '' ? 'index.html' : relative));
  if (!file.startsWith(root)) return { status: 404 };
  return { status: 200, file, document: extension === '' || extension === '.html' };
}
