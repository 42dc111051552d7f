import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { fail } from '../../shared/protocol/ack';
import { attachmentMaxBytes } from '../../shared/protocol/chat';
import { attachmentSchema } from '../../shared/protocol/tickets';
import { limitedFor } from '../auth/login';
import { readBody } from '../http/body';
import type { ExtraRoute } from '../http/router';
import type { HttpResult } from '../http/respond';
import { httpError, sendJson } from '../http/respond';
import { classifyStoreError, faultAck } from '../store/errors';
import type { Database } from '../store/schema';
import type { WriteQueue } from '../store/write-queue';
import type { CleanPhoto, PhotoVerdict, PhotoWindow } from './attachments';
import { cleanPhoto, loadPhoto, photoBudget, recentPhotos, storePhoto } from './attachments';
import { bearerToken, findChatBinding } from './chat-token';

export interface AttachmentRouteDeps {
  db: Kysely<Database>;
  /** The hub's one writer: the row is written with everything else, the decoding is not. */
  writes: WriteQueue;
  log: Logger;
  now: () => number;
  /** Photos decoded at once, hub-wide; the rest wait in line (libvips uses several threads per photo). */
  decoders?: number;
  /** Uploads waiting for a decoder before the next is told the hub is busy. */
  queue?: number;
}

/** The messages a customer reads; the page words them in its own language from the status. */
export const photoRefusals = {
  notAPhoto: 'Only photos (JPEG, PNG or WebP) can be attached.',
  tooLarge: 'The photo is larger than 5 MB. Choose a smaller one.',
  tooManyPixels: 'The photo has too many pixels (at most 40 megapixels). Choose a smaller one.',
  noConversation: 'This conversation is not open here any more. Start a new one.',
  tooMany: 'Too many photos in a short time. Wait a few minutes, then attach it again.',
  busy: 'The hub is busy with other photos. Try again in a moment.',
} as const;

/** One conversation uploads one or two photos at a time; more at once is a script, not a customer. */
const maxUploadsPerConversation = 2;

/**
 * `POST /api/chat/attachments` and `GET /attachments/<id>`.
 *
 * The upload is checked before its body is read (token, declared size,
 * budget), read with a hard cap, decoded off the event loop by libvips, and
 * only then written, through the WriteQueue, so a slow decode never holds
 * the store's one connection.
 *
 * The photo's address needs no credential. An `<img>` cannot send a bearer
 * token, and a cookie would tie the agent's workstation (wings://app, another
 * origin) to the customer's session. The id is 128 random bits, known only to
 * the conversation's customer and the organisation's agents; it cannot be
 * guessed or enumerated, names nothing about the customer, and the hub never
 * logs it. That is the same capability model as a signed URL without expiry.
 */
export function attachmentRoutes(deps: AttachmentRouteDeps): { upload: ExtraRoute; serve: ExtraRoute } {
  const decoders = new Gate(deps.decoders ?? 2, deps.queue ?? 16);
  const uploading = new Map<number, number>();

  async function upload(req: IncomingMessage): Promise<HttpResult> {
    if (req.method !== 'POST') {
      return { ...httpError('invalid_input', 'Use POST.', undefined, 405), headers: { allow: 'POST' } };
    }
    const binding = await findChatBinding(deps.db, bearerToken(req.headers.authorization));
    if (!binding) return httpError('unauthorized', photoRefusals.noConversation);
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > attachmentMaxBytes) return tooLarge();
    const now = deps.now();
    const window = await recentPhotos(deps.db, binding.ticketId, now);
    if (window.count >= photoBudget.count) return overBudget(window, now);
    const busy = uploading.get(binding.chatId) ?? 0;
    if (busy >= maxUploadsPerConversation) return limitedFor(1000, photoRefusals.tooMany);
    uploading.set(binding.chatId, busy + 1);
    try {
      const body = await readBody(req, attachmentMaxBytes);
      if (body.kind === 'too_large') return tooLarge();
      if (body.kind === 'aborted') return httpError('invalid_input', 'The upload did not arrive whole.');
      const verdict = await decoders.run(() => cleanPhoto(body.bytes));
      if (verdict === null) return httpError('unavailable', photoRefusals.busy);
      const photo = accepted(verdict);
      if (!('mime' in photo)) return photo;
      const stored = await storePhoto(deps.writes, binding, photo, deps.now());
      if (stored.kind === 'over_budget') return overBudget(stored.window, deps.now());
      deps.log.debug(
        { ticketId: binding.ticketId, bytes: stored.attachment.bytes, mime: stored.attachment.mime },
        'photo attached',
      );
      return { status: 201, body: { attachment: stored.attachment } };
    } finally {
      const left = (uploading.get(binding.chatId) ?? 1) - 1;
      if (left > 0) uploading.set(binding.chatId, left);
      else uploading.delete(binding.chatId);
    }
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const id = new URL(req.url ?? '/', 'http://hub').pathname.slice('/attachments/'.length);
    const photo = attachmentSchema.shape.id.safeParse(id).success ? await loadPhoto(deps.db, id) : null;
    if (!photo) {
      sendJson(res, httpError('not_found', 'There is no such photo.'));
      return;
    }
    res.writeHead(200, {
      'content-type': photo.mime,
      'content-length': photo.data.length,
      // The id names these bytes for ever: a photo is never changed, only a new one written.
      'cache-control': 'private, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
      // Opened on its own, it is an image and nothing else: no script, no fetches, no frames.
      'content-security-policy': "default-src 'none'",
      // The workstation's renderer (wings://app) shows it from another origin.
      'cross-origin-resource-policy': 'cross-origin',
      'referrer-policy': 'no-referrer',
    });
    res.end(req.method === 'HEAD' ? undefined : photo.data);
  }

  return {
    upload: {
      prefix: '/api/chat/attachments',
      handler: (req, res) => respond(deps.log, res, upload(req)),
    },
    serve: {
      prefix: '/attachments/',
      handler: (req, res) => {
        serve(req, res).catch((err: unknown) => answerFault(deps.log, res, err));
      },
    },
  };
}

function accepted(verdict: PhotoVerdict): CleanPhoto | HttpResult {
  if (verdict.kind === 'ok') return verdict.photo;
  if (verdict.kind === 'too_many_pixels')
    return httpError('invalid_input', photoRefusals.tooManyPixels, undefined, 413);
  return httpError('invalid_input', photoRefusals.notAPhoto, undefined, 415);
}

function tooLarge(): HttpResult {
  // The rest of an oversized body is not worth reading: the connection ends after the answer.
  return {
    ...httpError('invalid_input', photoRefusals.tooLarge, undefined, 413),
    headers: { connection: 'close' },
  };
}

function overBudget(window: PhotoWindow, now: number): HttpResult {
  return limitedFor(
    Math.max(1000, (window.freesAt ?? now + photoBudget.windowMs) - now),
    photoRefusals.tooMany,
  );
}

function respond(log: Logger, res: ServerResponse, work: Promise<HttpResult>): void {
  work.then(
    (result) => {
      // A refusal sent before the body was read: drop what is still arriving rather than parse it.
      if (result.status >= 400) res.req.resume();
      sendJson(res, result);
    },
    (err: unknown) => answerFault(log, res, err),
  );
}

function answerFault(log: Logger, res: ServerResponse, err: unknown): void {
  const fault = classifyStoreError(err);
  log.error({ err, store: fault?.code }, 'photo request failed');
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const ack = fault ? faultAck(fault) : fail('internal', 'Something went wrong on the hub.');
  if (!ack.ok) sendJson(res, httpError(ack.error.code, ack.error.message));
}

/**
 * At most `size` jobs at once and `queue` waiting; past that `run` answers
 * null at once, so a burst of uploads gets "busy" instead of piling up
 * decoded pixels in memory.
 */
class Gate {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly size: number,
    private readonly queue: number,
  ) {}

  async run<T>(job: () => Promise<T>): Promise<T | null> {
    if (this.running >= this.size) {
      if (this.waiting.length >= this.queue) return null;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await job();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
