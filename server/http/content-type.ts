/**
 * `application/json`, with at most a UTF-8 charset (the body is decoded as
 * UTF-8). Requiring it is part of the CORS defence: `text/plain`, forms and
 * multipart are "simple" content types a page may POST cross-origin without
 * a preflight, while JSON makes the browser ask first, and the hub's answer
 * to a page it does not know is no.
 */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const [type = '', ...params] = header.split(';');
  if (type.trim().toLowerCase() !== 'application/json') return false;
  return params.every((param) => {
    if (param.trim() === '') return true;
    const eq = param.indexOf('=');
    if (eq === -1 || param.slice(0, eq).trim().toLowerCase() !== 'charset') return false;
    const value = param
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .toLowerCase();
    return value === 'utf-8' || value === 'utf8';
  });
}
