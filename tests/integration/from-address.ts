import { request } from 'node:http';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON, or null for an empty body (a 204). */
  body: unknown;
}

/**
 * POSTs JSON from a chosen loopback address (127.0.0.2, 127.0.0.3…: all of
 * 127/8 is this host on Linux), so a test can be several sign-in sources.
 */
export function postFrom(
  url: string,
  body: unknown,
  options: { from?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent: false,
        localAddress: options.from ?? '127.0.0.1',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(text),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: raw === '' ? null : JSON.parse(raw),
          });
        });
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}
