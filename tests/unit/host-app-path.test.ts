import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppPath } from '../../electron/main/app-path';

const root = join(sep, 'opt', 'wings', 'renderer');
const inRoot = (...parts: string[]) => join(root, ...parts);
/** What the WHATWG parser leaves as the path of a wings://app URL. */
const pathOf = (url: string) => new URL(url, 'wings://app/').pathname;

describe('resolveAppPath (wings://app)', () => {
  it('serves files of the build and the single-page app routes', () => {
    expect(resolveAppPath(root, '/assets/index-abc.js')).toEqual({
      status: 200,
      file: inRoot('assets', 'index-abc.js'),
      document: false,
    });
    expect(resolveAppPath(root, '/index.html')).toEqual({
      status: 200,
      file: inRoot('index.html'),
      document: true,
    });
    for (const route of ['/', '/tickets/42', '/settings/keys/']) {
      expect(resolveAppPath(root, route)).toEqual({
        status: 200,
        file: inRoot('index.html'),
        document: true,
      });
    }
    // A root given with its trailing separator is the same root.
    expect(resolveAppPath(root + sep, '/a.css')).toMatchObject({ status: 200, file: inRoot('a.css') });
  });

  it('answers 400, not a thrown URIError, to a malformed escape', () => {
    for (const path of ['/%', '/%zz', '/assets/%E0%A4%A.js', '/%c3%28.png', '/a%']) {
      expect(resolveAppPath(root, path)).toEqual({ status: 400 });
    }
  });

  it('decodes well-formed escapes once, as file names', () => {
    expect(resolveAppPath(root, '/assets/%E5%9B%BE.png')).toMatchObject({ file: inRoot('assets', '图.png') });
    // Double encoding stays a literal name inside the build, never a way out of it.
    expect(resolveAppPath(root, '/%252e%252e/secret.txt')).toMatchObject({
      status: 200,
      file: inRoot('%2e%2e', 'secret.txt'),
    });
  });

  it('refuses encoded separators and NUL', () => {
    for (const path of [
      '/..%2f..%2fetc%2fpasswd',
      '/assets%2Findex.js',
      '/..%5c..%5cwin.ini',
      '/a.js%00.png',
    ]) {
      expect(resolveAppPath(root, path)).toEqual({ status: 400 });
    }
    expect(resolveAppPath(root, '/a\\..\\..\\b.txt')).toEqual({ status: 400 });
  });

  it('never resolves outside the build', () => {
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/.%2e/.%2e/x.js',
    ]) {
      expect(resolveAppPath(root, path)).toEqual({ status: 404 });
    }
    // What the URL parser itself makes of dot segments lands inside, which is fine.
    expect(resolveAppPath(root, pathOf('wings://app/../../secret.txt'))).toMatchObject({
      status: 200,
      file: inRoot('secret.txt'),
    });
    // A sibling whose name starts like the root is outside too.
    expect(resolveAppPath(root, '/../renderer-old/a.js')).toEqual({ status: 404 });
  });

  it('does not serve source maps', () => {
    expect(resolveAppPath(root, '/assets/index-abc.js.map')).toEqual({ status: 404 });
    expect(resolveAppPath(root, '/assets/index-abc.js.%6Dap')).toEqual({ status: 404 });
    expect(resolveAppPath(root, '/assets/index-abc.js.MAP')).toEqual({ status: 404 });
  });
});
