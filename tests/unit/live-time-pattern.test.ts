import { describe, expect, it } from 'vitest';
import {
  columns,
  decodeBits,
  elapsedSince,
  encodeBits,
  patternBlocks,
  patternHeightFraction,
  readPattern,
  rows,
} from '../bench/live/time-pattern';

const modulus = 2 ** 40;
// Epoch times around this work's era, and the edges of the 40-bit window.
const times = [1_796_283_000_123, 1_796_283_000_124, 0, 1, modulus - 1, 255, 256, 65_535];

/** An RGBA picture with the pattern painted as the anchor page paints it, and grey noise below the band. */
function paint(width: number, height: number, epochMs: number): Uint8ClampedArray {
  const pixels = new Uint8ClampedArray(width * height * 4);
  let seed = 7;
  for (let y = Math.floor(height * patternHeightFraction); y < height; y++)
    for (let x = 0; x < width; x++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      pixels.fill(seed % 256, (y * width + x) * 4, (y * width + x) * 4 + 3);
    }
  for (const block of patternBlocks(width, height, epochMs))
    for (let y = block.y; y < Math.min(height, block.y + block.height); y++)
      for (let x = block.x; x < Math.min(width, block.x + block.width); x++)
        pixels.fill(block.white ? 255 : 0, (y * width + x) * 4, (y * width + x) * 4 + 3);
  for (let i = 3; i < pixels.length; i += 4) pixels[i] = 255;
  return pixels;
}

/** Averages `factor`×`factor` squares, as the viewer's drawImage onto its small probe canvas does. */
function shrink(pixels: Uint8ClampedArray, width: number, height: number, factor: number): Uint8ClampedArray {
  const w = width / factor;
  const h = height / factor;
  const out = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      for (let c = 0; c < 4; c++) {
        let sum = 0;
        for (let dy = 0; dy < factor; dy++)
          for (let dx = 0; dx < factor; dx++)
            sum += pixels[((y * factor + dy) * width + x * factor + dx) * 4 + c] ?? 0;
        out[(y * w + x) * 4 + c] = sum / (factor * factor);
      }
  return out;
}

describe('live latency time pattern', () => {
  it('decodes the time it encodes, modulo 2^40 ms', () => {
    for (const t of times) expect(decodeBits(encodeBits(t))).toBe(t % modulus);
    expect(decodeBits(encodeBits(modulus + 42))).toBe(42);
    expect(decodeBits(encodeBits(1_796_283_000_123.9))).toBe(1_796_283_000_123 % modulus);
    expect(encodeBits(0)).toHaveLength(columns * rows);
  });

  it('reads the time back from the painted picture, full size and shrunk as the viewer reads it', () => {
    for (const t of times) {
      const full = paint(1280, 720, t);
      expect(readPattern(full, 1280, 720)).toBe(t % modulus);
      expect(readPattern(shrink(full, 1280, 720, 8), 160, 90)).toBe(t % modulus);
      // The simulcast's lowest layer, 320x180, scaled to the same probe.
      const low = paint(320, 180, t);
      expect(readPattern(shrink(low, 320, 180, 2), 160, 90)).toBe(t % modulus);
    }
  });

  it('rejects any one or two blocks read wrong', () => {
    for (const t of [times[0] ?? 0, modulus - 1, 0]) {
      const bits = encodeBits(t);
      for (let i = 0; i < bits.length; i++) {
        const one = [...bits];
        one[i] = !one[i];
        expect(decodeBits(one), `block ${i} flipped`).toBeNull();
        for (let j = i + 1; j < bits.length; j++) {
          const two = [...one];
          two[j] = !two[j];
          expect(decodeBits(two), `blocks ${i} and ${j} flipped`).toBeNull();
        }
      }
    }
  });

  it('rejects a picture with a block painted over, and a pattern of the wrong size', () => {
    const t = times[0] ?? 0;
    const pixels = paint(1280, 720, t);
    const block = patternBlocks(1280, 720, t)[17];
    if (!block) throw new Error('no block 17');
    for (let y = block.y; y < block.y + block.height; y++)
      for (let x = block.x; x < block.x + block.width; x++)
        pixels.fill(block.white ? 0 : 255, (y * 1280 + x) * 4, (y * 1280 + x) * 4 + 3);
    expect(readPattern(pixels, 1280, 720)).toBeNull();
    expect(decodeBits(encodeBits(t).slice(1))).toBeNull();
  });

  it('takes the time elapsed across the 2^40 wrap', () => {
    expect(elapsedSince(modulus - 10, modulus + 25)).toBe(35);
    expect(elapsedSince(1_796_283_000_000 % modulus, 1_796_283_000_051.7)).toBe(51);
  });
});
