import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

interface Wav {
  format: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  samples: Int16Array;
}

/** Reads a canonical PCM WAV (RIFF, `fmt `, `data`), walking chunks rather than assuming offsets. */
function readWav(data: Buffer): Wav {
  expect(data.toString('ascii', 0, 4)).toBe('RIFF');
  expect(data.readUInt32LE(4)).toBe(data.length - 8);
  expect(data.toString('ascii', 8, 12)).toBe('WAVE');
  let fmt: Omit<Wav, 'samples'> | null = null;
  let samples: Int16Array | null = null;
  for (let at = 12; at + 8 <= data.length;) {
    const id = data.toString('ascii', at, at + 4);
    const size = data.readUInt32LE(at + 4);
    const body = data.subarray(at + 8, at + 8 + size);
    if (id === 'fmt ') {
      fmt = {
        format: body.readUInt16LE(0),
        channels: body.readUInt16LE(2),
        sampleRate: body.readUInt32LE(4),
        bitsPerSample: body.readUInt16LE(14),
      };
    } else if (id === 'data') {
      samples = new Int16Array(body.length / 2);
      for (let i = 0; i < samples.length; i++) samples[i] = body.readInt16LE(i * 2);
    }
    at += 8 + size + (size % 2);
  }
  if (!fmt || !samples) throw new Error('no fmt or data chunk');
  return { ...fmt, samples };
}

describe('the alert sounds (resources/sounds)', () => {
  for (const name of ['info', 'urgent']) {
    it(`${name}.wav is short, quiet 16-bit PCM that starts and ends in silence`, () => {
      const wav = readWav(readFileSync(`${root}resources/sounds/${name}.wav`));
      expect(wav).toMatchObject({ format: 1, channels: 1, sampleRate: 44_100, bitsPerSample: 16 });
      const seconds = wav.samples.length / wav.sampleRate;
      expect(seconds).toBeGreaterThan(0.2);
      expect(seconds).toBeLessThan(1);
      const peak = wav.samples.reduce((max, s) => Math.max(max, Math.abs(s)), 0) / 32767;
      // Quiet by default: well below full scale (-10 dBFS), yet clearly audible (above -30 dBFS).
      expect(20 * Math.log10(peak)).toBeLessThan(-10);
      expect(20 * Math.log10(peak)).toBeGreaterThan(-30);
      // No click at either end.
      expect(Math.abs(wav.samples[0] ?? 1)).toBeLessThan(50);
      expect(wav.samples.at(-1)).toBe(0);
    });
  }

  it('are what scripts/make-sounds.mjs makes', () => {
    const run = spawnSync(process.execPath, ['scripts/make-sounds.mjs', '--check'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
