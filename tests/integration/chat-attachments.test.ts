import { request } from 'node:http';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatAttachmentResponse, attachmentMaxBytes } from '../../shared/protocol/chat';
import { photoBudget } from '../../server/chat/attachments';
import { photoRefusals } from '../../server/chat/attachment-routes';
import type { TestHub } from '../support/hub-client';
import { expectOk, newId, startHub } from '../support/hub-client';
import type { StartedChat } from '../support/tickets';
import { callChat, connectCustomer, openStarts, startChat, withStore } from '../support/tickets';

/** `POST /api/chat/attachments` and `GET /attachments/<id>` on a real hub and store. */
describe('chat photo attachments', () => {
  let t: TestHub;
  let url: string;
  let mine: StartedChat;
  let theirs: StartedChat;

  beforeAll(async () => {
    t = await startHub({ demo: true, tickets: openStarts });
    url = t.hub.url;
    mine = await startChat(url, { name: '黄伟', message: '金桔到了，有三个坏了，我拍了照片' });
    theirs = await startChat(url, { name: 'Anna', message: 'My pears arrived bruised', locale: 'en' });
  });
  afterAll(async () => {
    await t.stop();
  });

  async function upload(
    body: Uint8Array | string,
    token: string | null,
    contentType = 'image/jpeg',
  ): Promise<{ status: number; body: unknown; headers: Headers }> {
    const res = await fetch(`${url}/api/chat/attachments`, {
      method: 'POST',
      headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
    });
    return { status: res.status, body: await res.json(), headers: res.headers };
  }

  async function uploaded(body: Uint8Array, token: string) {
    const res = await upload(body, token);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return chatAttachmentResponse.parse(res.body).attachment;
  }

  async function storedRow(id: string) {
    return withStore(t.dataDir, (db) =>
      db.selectFrom('ticket_attachments').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    );
  }

  async function ticketIdOf(chat: StartedChat): Promise<number> {
    return withStore(t.dataDir, async (db) => {
      const row = await db
        .selectFrom('tickets')
        .select('id')
        .where('number', '=', chat.ticketNumber)
        .executeTakeFirstOrThrow();
      return row.id;
    });
  }

  function refusal(body: unknown): string {
    return (body as { error: { message: string } }).error.message;
  }

  it('strips EXIF and GPS from a JPEG, turns it upright, and serves exactly the stored bytes', async () => {
    const original = await sharp({ create: { width: 64, height: 32, channels: 3, background: '#f39c12' } })
      .jpeg()
      .withMetadata({
        orientation: 6,
        exif: {
          IFD0: { Copyright: 'Huang Wei', Make: 'PhoneCo', Model: 'X1' },
          IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '24/1 19/1 0/1', GPSLongitudeRef: 'E' },
        },
      })
      .toBuffer();
    const before = await sharp(original).metadata();
    expect(before.exif).toBeDefined();
    expect(original.includes('Exif')).toBe(true);
    expect(original.includes('PhoneCo')).toBe(true);

    const attachment = await uploaded(original, mine.token);
    // Orientation 6 is a quarter turn: the stored copy is upright, so its sides are swapped.
    expect(attachment).toMatchObject({ mime: 'image/jpeg', width: 32, height: 64 });
    const row = await storedRow(attachment.id);
    expect(row.ticket_id).toBe(await ticketIdOf(mine));
    const stored = Buffer.from(row.data);
    expect(row.byte_size).toBe(stored.length);
    const after = await sharp(stored).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    for (const text of ['Exif', 'PhoneCo', 'Huang Wei', 'GPS']) expect(stored.includes(text)).toBe(false);

    const res = await fetch(`${url}/attachments/${attachment.id}`);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(stored)).toBe(true);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });

  it('strips a PNG text chunk and keeps the pixels', async () => {
    const plain = await sharp({ create: { width: 5, height: 3, channels: 4, background: '#2e86de' } })
      .png()
      .toBuffer();
    const tagged = withTextChunk(plain, 'Comment', 'home address: 柳州市 城中区 1 号');
    expect(tagged.includes('tEXt')).toBe(true);
    // The chunk is well-formed: libvips reads it back as a comment.
    expect((await sharp(tagged).metadata()).comments?.[0]?.keyword).toBe('Comment');

    const attachment = await uploaded(tagged, mine.token);
    expect(attachment).toMatchObject({ mime: 'image/png', width: 5, height: 3 });
    const stored = Buffer.from((await storedRow(attachment.id)).data);
    expect(stored.includes('tEXt')).toBe(false);
    expect(stored.includes('home address')).toBe(false);
    expect((await sharp(stored).metadata()).comments).toBeUndefined();
    const pixel = await sharp(stored).raw().toBuffer();
    expect([...pixel.subarray(0, 4)]).toEqual([0x2e, 0x86, 0xde, 255]);
  });

  it('accepts a WebP', async () => {
    const webp = await sharp({ create: { width: 7, height: 9, channels: 3, background: '#27ae60' } })
      .webp()
      .toBuffer();
    expect(await uploaded(webp, mine.token)).toMatchObject({ mime: 'image/webp', width: 7, height: 9 });
  });

  it('refuses what is not a photo, whatever its Content-Type says', async () => {
    const cases: [string, Uint8Array | string][] = [
      ['renamed text', '这不是照片 — invoice.txt renamed to photo.jpg\n'],
      ['a PDF', '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'],
      ['an SVG', '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'],
      [
        'a GIF',
        await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } })
          .gif()
          .toBuffer(),
      ],
      // A JPEG's signature and the start of its header, then nothing: it does not decode.
      [
        'a truncated JPEG',
        Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]),
      ],
      ['nothing', new Uint8Array()],
    ];
    for (const [label, body] of cases) {
      const res = await upload(body, mine.token, 'image/jpeg');
      expect(res.status, label).toBe(415);
      expect(refusal(res.body), label).toBe(photoRefusals.notAPhoto);
    }
  });

  it('refuses a photo whose header declares more pixels than allowed, before decoding it', async () => {
    const res = await upload(pngHeaderOnly(10_000, 10_000), mine.token, 'image/png');
    expect(res.status).toBe(413);
    expect(refusal(res.body)).toBe(photoRefusals.tooManyPixels);
  });

  it('refuses 5 MB + 1 byte, by its declared length and when it is streamed without one', async () => {
    const big = new Uint8Array(attachmentMaxBytes + 1);
    big.set([0xff, 0xd8, 0xff]);
    const declared = await upload(big, mine.token);
    expect(declared.status).toBe(413);
    expect(refusal(declared.body)).toBe(photoRefusals.tooLarge);
    // Chunked, no Content-Length: the cap is counted as the bytes arrive.
    const streamed = await rawPost('/api/chat/attachments', mine.token, big);
    expect(streamed.status).toBe(413);
    expect(refusal(JSON.parse(streamed.body))).toBe(photoRefusals.tooLarge);
  });

  it('refuses an upload without a token, or with one that opens no conversation', async () => {
    const jpeg = await tinyJpeg();
    for (const token of [null, 'x'.repeat(43), 'short']) {
      const res = await upload(jpeg, token);
      expect(res.status).toBe(401);
      expect(refusal(res.body)).toBe(photoRefusals.noConversation);
    }
  });

  it("attaches to the token's own conversation only, and another conversation cannot send it", async () => {
    const attachment = await uploaded(await tinyJpeg(), theirs.token);
    expect((await storedRow(attachment.id)).ticket_id).toBe(await ticketIdOf(theirs));
    const socket = await connectCustomer(url, mine.token);
    try {
      const refused = await callChat(socket, 'chat.send', {
        id: newId(),
        body: 'look',
        attachmentId: attachment.id,
      });
      expect(refused.ok).toBe(false);
      // Their own photo goes through, and the message carries it.
      const own = await uploaded(await tinyJpeg(), mine.token);
      const sent = expectOk(
        await callChat(socket, 'chat.send', { id: newId(), body: '', attachmentId: own.id }),
      );
      expect(sent.message.attachment).toEqual(own);
    } finally {
      socket.close();
    }
  });

  it('answers 404 for an unknown or malformed photo address', async () => {
    for (const path of [
      '/attachments/AAAAAAAAAAAAAAAAAAAAAA',
      '/attachments/../../etc/passwd',
      '/attachments/',
    ]) {
      expect((await fetch(`${url}${path}`)).status, path).toBe(404);
    }
  });

  it(`allows ${photoBudget.count} photos per conversation in ${photoBudget.windowMs / 60_000} minutes, then says how long to wait`, async () => {
    const chat = await startChat(url, { name: '李娜', message: '梨子坏了好几个' });
    const jpeg = await tinyJpeg();
    // Two at a time, as the page never does more: the per-conversation in-flight cap is not what this tests.
    for (let i = 0; i < photoBudget.count; i += 2) {
      await Promise.all([uploaded(jpeg, chat.token), uploaded(jpeg, chat.token)]);
    }
    const refused = await upload(jpeg, chat.token);
    expect(refused.status).toBe(429);
    expect(refusal(refused.body)).toBe(photoRefusals.tooMany);
    const retryAfterMs = (refused.body as { error: { retryAfterMs: number } }).error.retryAfterMs;
    expect(retryAfterMs).toBeGreaterThan(photoBudget.windowMs - 60_000);
    expect(retryAfterMs).toBeLessThanOrEqual(photoBudget.windowMs);
    expect(Number(refused.headers.get('retry-after'))).toBe(Math.ceil(retryAfterMs / 1000));
    // Another conversation has its own budget.
    await uploaded(jpeg, theirs.token);
  });

  it('lets one conversation run two uploads at once, not more', async () => {
    const chat = await startChat(url, { name: '陈静', message: '石画碎了' });
    // A photo with real detail takes libvips a while, so the six uploads overlap.
    const jpeg = await sharp({
      create: {
        width: 2400,
        height: 1800,
        channels: 3,
        background: '#777',
        noise: { type: 'gaussian', mean: 128, sigma: 40 },
      },
    })
      .jpeg({ quality: 95 })
      .toBuffer();
    expect(jpeg.length).toBeLessThan(attachmentMaxBytes);
    const answers = await Promise.all(Array.from({ length: 6 }, () => upload(jpeg, chat.token)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(2);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 201 || s === 429)).toBe(true);
  });

  async function rawPost(
    path: string,
    token: string,
    body: Uint8Array,
  ): Promise<{ status: number; body: string }> {
    const target = new URL(path, url);
    return new Promise((resolve, reject) => {
      const req = request(
        target,
        { method: 'POST', headers: { authorization: `Bearer ${token}`, 'transfer-encoding': 'chunked' } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      // The hub may answer and close before the last chunk: that is the point.
      req.on('error', reject);
      for (let at = 0; at < body.length; at += 64 * 1024) req.write(body.subarray(at, at + 64 * 1024));
      req.end();
    });
  }
});

function tinyJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 8, height: 8, channels: 3, background: '#c0392b' } })
    .jpeg()
    .toBuffer();
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** The PNG with a tEXt chunk put in right after IHDR (8-byte signature + 25-byte IHDR chunk). */
function withTextChunk(png: Buffer, keyword: string, text: string): Buffer {
  const at = 8 + 25;
  const data = Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.from([0]), Buffer.from(text, 'utf8')]);
  return Buffer.concat([png.subarray(0, at), chunk('tEXt', data), png.subarray(at)]);
}

/** A PNG signature and an IHDR naming a huge canvas, an empty IDAT and IEND: a bomb's header. */
function pngHeaderOnly(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.alloc(0)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
