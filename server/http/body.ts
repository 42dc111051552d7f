import type { IncomingMessage } from 'node:http';

export const maxBodyBytes = 16 * 1024;

export type BodyResult = { kind: 'json'; value: unknown } | { kind: 'too_large' } | { kind: 'malformed' };

export type RawBodyResult = { kind: 'bytes'; bytes: Buffer } | { kind: 'too_large' } | { kind: 'aborted' };

/** Reads a body, refusing more than `limit` bytes without buffering them (a declared length is checked first). */
export function readBody(req: IncomingMessage, limit: number): Promise<RawBodyResult> {
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
    const finish = (result: RawBodyResult) => {
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
    req.on('error', () => finish({ kind: 'aborted' }));
    req.on('aborted', () => finish({ kind: 'aborted' }));
    req.on('end', () => finish({ kind: 'bytes', bytes: Buffer.concat(chunks, size) }));
  });
}

/** Reads a JSON body, refusing more than `limit` bytes without buffering them. */
export async function readJsonBody(req: IncomingMessage, limit = maxBodyBytes): Promise<BodyResult> {
  const body = await readBody(req, limit);
  if (body.kind === 'too_large') return body;
  if (body.kind === 'aborted') return { kind: 'malformed' };
  try {
    return { kind: 'json', value: JSON.parse(body.bytes.toString('utf8')) };
  } catch {
    return { kind: 'malformed' };
  }
}
