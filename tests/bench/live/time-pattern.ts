/**
 * A wall-clock time drawn as big black and white blocks, so it survives VP8
 * at any simulcast layer: 40 bits of milliseconds (wraps every ~35 years of
 * epoch time modulo 2^40, compared modulo 2^40 too) and a CRC-8 that rejects
 * a frame caught half-way through an update. Pure (no DOM): the anchor page
 * paints `patternBlocks`, the viewer page reads pixels with `readPattern`.
 */
export const columns = 8;
export const rows = 6;
const timeBits = 40;
const modulus = 2 ** timeBits;

/** The band of the picture the pattern takes: the top two thirds, the rest is left for moving content. */
export const patternHeightFraction = 2 / 3;

/**
 * CRC-8 (polynomial x^8+x^2+x+1) over the time's five bytes: Hamming distance 4
 * at this length, so any one, two or three blocks read wrong are caught (a
 * weighted byte sum misses some single high-bit flips).
 */
function checksum(ms: number): number {
  let crc = 0x5a;
  let rest = ms;
  for (let i = 0; i < 5; i++) {
    crc ^= rest % 256;
    rest = Math.floor(rest / 256);
    for (let b = 0; b < 8; b++) crc = crc & 0x80 ? ((crc << 1) ^ 0x07) & 0xff : (crc << 1) & 0xff;
  }
  return crc;
}

export function encodeBits(epochMs: number): boolean[] {
  const ms = Math.floor(epochMs) % modulus;
  const bits: boolean[] = [];
  let rest = ms;
  for (let i = 0; i < timeBits; i++) {
    bits.push(rest % 2 === 1);
    rest = Math.floor(rest / 2);
  }
  const sum = checksum(ms);
  for (let i = 0; i < 8; i++) bits.push(((sum >> i) & 1) === 1);
  return bits;
}

/** The time the bits carry, or null when the checksum does not hold. */
export function decodeBits(bits: readonly boolean[]): number | null {
  if (bits.length !== columns * rows) return null;
  let ms = 0;
  for (let i = timeBits - 1; i >= 0; i--) ms = ms * 2 + (bits[i] ? 1 : 0);
  let sum = 0;
  for (let i = 7; i >= 0; i--) sum = sum * 2 + (bits[timeBits + i] ? 1 : 0);
  return sum === checksum(ms) ? ms : null;
}

/** now − then, both taken modulo 2^40 ms. */
export function elapsedSince(encodedMs: number, nowEpochMs: number): number {
  return ((((Math.floor(nowEpochMs) % modulus) - encodedMs) % modulus) + modulus) % modulus;
}

export interface Block {
  x: number;
  y: number;
  width: number;
  height: number;
  white: boolean;
}

/** The rectangles to paint for `epochMs` on a `width`×`height` picture, whole pixels, overlapping rather than leaving seams. */
export function patternBlocks(width: number, height: number, epochMs: number): Block[] {
  const bandHeight = Math.floor(height * patternHeightFraction);
  const w = width / columns;
  const h = bandHeight / rows;
  return encodeBits(epochMs).map((white, i) => ({
    x: Math.floor((i % columns) * w),
    y: Math.floor(Math.floor(i / columns) * h),
    width: Math.ceil(w),
    height: Math.ceil(h),
    white,
  }));
}

/** Reads the blocks' centres from RGBA pixels of the whole picture scaled to `width`×`height`. */
export function readPattern(pixels: Uint8ClampedArray, width: number, height: number): number | null {
  const bandHeight = height * patternHeightFraction;
  const bits: boolean[] = [];
  for (let i = 0; i < columns * rows; i++) {
    const x = Math.floor(((i % columns) + 0.5) * (width / columns));
    const y = Math.floor((Math.floor(i / columns) + 0.5) * (bandHeight / rows));
    const at = (y * width + x) * 4;
    const luma = (pixels[at] ?? 0) * 0.299 + (pixels[at + 1] ?? 0) * 0.587 + (pixels[at + 2] ?? 0) * 0.114;
    bits.push(luma > 128);
  }
  return decodeBits(bits);
}
