/**
 * A wall-clock time drawn as big black and white blocks, so it survives VP8
 * at any simulcast layer: 40 bits of milliseconds (wraps every ~35 years of
 * epoch time modulo 2^40, compared modulo 2^40 too) and an 8-bit checksum
 * that rejects a frame caught half-way through an update.
 */
export const columns = 8;
export const rows = 6;
const timeBits = 40;
const modulus = 2 ** timeBits;

/** The band of the picture the pattern takes: the top two thirds, the rest is left for moving content. */
export const patternHeightFraction = 2 / 3;

function checksum(ms: number): number {
  let sum = 0x5a;
  let rest = ms;
  for (let i = 0; i < 5; i++) {
    sum = (sum + (rest % 256) * (i + 1)) % 256;
    rest = Math.floor(rest / 256);
  }
  return sum;
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

export function drawPattern(
  ctx: CanvasRenderingContext2D,
  width: number,
  height: number,
  epochMs: number,
): void {
  const bandHeight = Math.floor(height * patternHeightFraction);
  const w = width / columns;
  const h = bandHeight / rows;
  encodeBits(epochMs).forEach((bit, i) => {
    ctx.fillStyle = bit ? '#fff' : '#000';
    ctx.fillRect(
      Math.floor((i % columns) * w),
      Math.floor(Math.floor(i / columns) * h),
      Math.ceil(w),
      Math.ceil(h),
    );
  });
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
