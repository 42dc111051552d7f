import type { IncomingMessage } from 'node:http';

export const maxBodyBytes = 16 * 1024;

export type BodyResult = { kind: 'json'; value: unknown } | { kind: 'too_large' } | { kind: 'malformed' };

/** Reads a JSON body, refusing more than `limit` bytes without buffering them. */
export function readJsonBody(req: IncomingMessage, limit = maxBodyBytes): Promise<BodyResult> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      resolve({ kind: 'too_large' });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: BodyResult) => {
      if (done) return;
      done = true;
      resolve(result);
    };
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        // Keep reading into nothing so the 413 can still be written on this connection.
        chunks.length = 0;
        finish({ kind: 'too_large' });
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => finish({ kind: 'malformed' }));
    req.on('aborted', () => finish({ kind: 'malformed' }));
    req.on('end', () => {
      try {
        finish({ kind: 'json', value: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      } catch {
        finish({ kind: 'malformed' });
      }
    });
  });
}
