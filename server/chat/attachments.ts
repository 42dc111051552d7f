import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import type { Metadata } from 'sharp';
import type { attachmentMimes } from '../../shared/protocol/chat';
import type { Attachment } from '../../shared/protocol/tickets';
import type { Database } from '../store/schema';
import type { WriteQueue } from '../store/write-queue';
import type { ChatBinding } from './chat-token';

export type PhotoMime = (typeof attachmentMimes)[number];

/**
 * Past this a photo is refused before it is decoded: a small file can declare
 * a huge canvas (a decompression bomb), and 40 MP is above what phones take
 * in their default modes.
 */
export const maxInputPixels = 40_000_000;
/** The stored copy's longest side: an agent reads it on a screen, and it keeps a 5 MB upload from growing. */
export const maxStoredSide = 4096;

/** Photos one conversation may attach in one window: a customer shows a parcel, not a flood. */
export const photoBudget = { count: 10, windowMs: 10 * 60_000 } as const;

// A hub processes unique uploads: libvips's operation cache would only hold memory.
sharp.cache(false);
// Defence in depth for the signature check: libvips may read only these three, from memory. Its
// loaders for SVG, PDF, TIFF, HEIF and the rest (a larger attack surface) stay blocked in this process.
sharp.block({ operation: ['VipsForeignLoad'] });
sharp.unblock({
  operation: ['VipsForeignLoadJpegBuffer', 'VipsForeignLoadPngBuffer', 'VipsForeignLoadWebpBuffer'],
});

/** The format the bytes say they are, from their signature alone; the Content-Type is the sender's word only. */
export function sniffPhoto(bytes: Uint8Array): PhotoMime | null {
  const at = (offset: number, ascii: string) =>
    bytes.length >= offset + ascii.length &&
    [...ascii].every((ch, i) => bytes[offset + i] === ch.charCodeAt(0));
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (at(0, '\x89PNG\r\n\x1a\n')) return 'image/png';
  if (at(0, 'RIFF') && at(8, 'WEBP')) return 'image/webp';
  return null;
}

export interface CleanPhoto {
  mime: PhotoMime;
  width: number;
  height: number;
  data: Buffer;
}

export type PhotoVerdict =
  { kind: 'ok'; photo: CleanPhoto } | { kind: 'not_a_photo' } | { kind: 'too_many_pixels' };

const sharpFormat = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' } as const;

/**
 * Decodes the photo for real and writes a new one from its pixels: turned
 * upright by its EXIF orientation first (`autoOrient`, the old `rotate()`), then saved with no metadata at all
 * (no EXIF, GPS, XMP, IPTC, comments, text chunks or ICC profile; sharp keeps
 * none unless asked with `withMetadata`/`keepMetadata`). Only JPEG, PNG and
 * WebP whose signature and decoded format agree get this far, so a PDF or an
 * SVG renamed `.jpg` never reaches a decoder that would read it.
 */
export async function cleanPhoto(bytes: Buffer): Promise<PhotoVerdict> {
  const mime = sniffPhoto(bytes);
  if (!mime) return { kind: 'not_a_photo' };
  const input = { limitInputPixels: maxInputPixels, failOn: 'error', animated: false } as const;
  let meta: Metadata;
  try {
    meta = await sharp(bytes, input).metadata();
  } catch (err) {
    return overLimit(err) ? { kind: 'too_many_pixels' } : { kind: 'not_a_photo' };
  }
  if (meta.format !== sharpFormat[mime]) return { kind: 'not_a_photo' };
  if ((meta.width ?? 0) * (meta.height ?? 0) > maxInputPixels) return { kind: 'too_many_pixels' };
  try {
    const pipeline = sharp(bytes, input)
      .autoOrient()
      .resize({ width: maxStoredSide, height: maxStoredSide, fit: 'inside', withoutEnlargement: true });
    const encoded =
      mime === 'image/jpeg'
        ? pipeline.jpeg({ quality: 85 })
        : mime === 'image/png'
          ? pipeline.png()
          : pipeline.webp({ quality: 85 });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { kind: 'ok', photo: { mime, width: info.width, height: info.height, data } };
  } catch (err) {
    // The pixel limit is checked again while decoding.
    return overLimit(err) ? { kind: 'too_many_pixels' } : { kind: 'not_a_photo' };
  }
}

/** sharp's refusal under `limitInputPixels` ("Input image exceeds pixel limit"). */
function overLimit(err: unknown): boolean {
  return err instanceof Error && /pixel limit/i.test(err.message);
}

/** 128 random bits, base64url: the photo's unguessable address (`attachmentSchema.id`). */
export function newAttachmentId(): string {
  return randomBytes(16).toString('base64url');
}

export interface PhotoWindow {
  /** Photos this conversation attached within the budget's window. */
  count: number;
  /** When the oldest of them leaves the window, so a refusal can say how long to wait. */
  freesAt: number | null;
}

export async function recentPhotos(
  db: Kysely<Database>,
  ticketId: number,
  now: number,
): Promise<PhotoWindow> {
  const row = await db
    .selectFrom('ticket_attachments')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('created_at').as('oldest')])
    .where('ticket_id', '=', ticketId)
    .where('created_at', '>', now - photoBudget.windowMs)
    .executeTakeFirstOrThrow();
  const oldest = row.oldest === null ? null : Number(row.oldest);
  return { count: Number(row.n), freesAt: oldest === null ? null : oldest + photoBudget.windowMs };
}

export type StoreVerdict =
  { kind: 'stored'; attachment: Attachment } | { kind: 'over_budget'; window: PhotoWindow };

/**
 * Writes the clean copy under the conversation the token opens. The budget is
 * counted again inside the write, where no other upload can slip in between,
 * so parallel uploads cannot pass it together.
 */
export function storePhoto(
  writes: WriteQueue,
  binding: ChatBinding,
  photo: CleanPhoto,
  now: number,
): Promise<StoreVerdict> {
  const id = newAttachmentId();
  return writes.run(async (trx) => {
    const window = await recentPhotos(trx, binding.ticketId, now);
    if (window.count >= photoBudget.count) return { kind: 'over_budget', window };
    await trx
      .insertInto('ticket_attachments')
      .values({
        id,
        org_id: binding.orgId,
        ticket_id: binding.ticketId,
        mime: photo.mime,
        width: photo.width,
        height: photo.height,
        byte_size: photo.data.length,
        data: photo.data,
        created_at: now,
      })
      .execute();
    return {
      kind: 'stored',
      attachment: {
        id,
        mime: photo.mime,
        width: photo.width,
        height: photo.height,
        bytes: photo.data.length,
      },
    };
  });
}

export interface StoredPhoto {
  mime: PhotoMime;
  data: Buffer;
}

export async function loadPhoto(db: Kysely<Database>, id: string): Promise<StoredPhoto | null> {
  const row = await db
    .selectFrom('ticket_attachments')
    .select(['mime', 'data'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { mime: row.mime, data: Buffer.from(row.data) } : null;
}
