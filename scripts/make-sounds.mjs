// `node scripts/make-sounds.mjs [--check]`: writes the alert sounds into resources/sounds/ as
// 16-bit PCM WAV. The files are committed; run this only to change them. `--check` writes
// nothing and exits 1 when a committed file differs from what this script makes (tests use it),
// allowing one step of rounding per sample, since Math.sin may differ in its last bit between engines.
//
// Each sound is a few sine partials under a short raised-cosine attack and an exponential
// decay, like a soft bell, and peaks well below full scale: an alert must not startle, and the
// worker's own volume control is the place to make it louder. Every sound has a visual twin
// (banner, window flash) in renderer/a11y/alerts/.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const sampleRate = 44_100;

/** @typedef {{ at: number, frequency: number, peak: number, decay: number }} Note */

/** @type {Record<'info' | 'urgent', { seconds: number, notes: Note[] }>} */
export const sounds = {
  // One soft E5 bell.
  info: { seconds: 0.45, notes: [{ at: 0, frequency: 659.25, peak: 0.22, decay: 0.09 }] },
  // Three notes, high-low-high, that ask for attention without being harsh.
  urgent: {
    seconds: 0.72,
    notes: [
      { at: 0, frequency: 880, peak: 0.26, decay: 0.06 },
      { at: 0.18, frequency: 659.25, peak: 0.26, decay: 0.06 },
      { at: 0.36, frequency: 880, peak: 0.28, decay: 0.1 },
    ],
  },
};

const attackSeconds = 0.012;
const fadeOutSeconds = 0.03;
/** Partials of a soft bell: the fundamental and two quieter overtones. */
const partials = [
  { ratio: 1, gain: 1 },
  { ratio: 2, gain: 0.3 },
  { ratio: 3, gain: 0.08 },
];
const partialSum = partials.reduce((sum, p) => sum + p.gain, 0);

/** The samples of one sound, -1…1. */
export function synthesize({ seconds, notes }) {
  const length = Math.round(seconds * sampleRate);
  const samples = new Float64Array(length);
  for (const note of notes) {
    const first = Math.round(note.at * sampleRate);
    for (let i = first; i < length; i++) {
      const t = (i - first) / sampleRate;
      const attack = t < attackSeconds ? 0.5 - 0.5 * Math.cos((Math.PI * t) / attackSeconds) : 1;
      const envelope = note.peak * attack * Math.exp(-Math.max(0, t - attackSeconds) / note.decay);
      let wave = 0;
      for (const p of partials) wave += p.gain * Math.sin(2 * Math.PI * note.frequency * p.ratio * t);
      samples[i] += (envelope * wave) / partialSum;
    }
  }
  // The tail ends at exact silence, so no click when the file stops.
  const fade = Math.round(fadeOutSeconds * sampleRate);
  for (let i = 0; i < fade; i++) samples[length - 1 - i] *= i / fade;
  return samples;
}

/** A mono 16-bit PCM WAV file (RIFF, `fmt `, `data`). */
export function encodeWav(samples) {
  const dataBytes = samples.length * 2;
  const buffer = Buffer.alloc(44 + dataBytes);
  buffer.write('RIFF', 0, 'ascii');
  buffer.writeUInt32LE(36 + dataBytes, 4);
  buffer.write('WAVE', 8, 'ascii');
  buffer.write('fmt ', 12, 'ascii');
  buffer.writeUInt32LE(16, 16); // size of the fmt chunk
  buffer.writeUInt16LE(1, 20); // PCM
  buffer.writeUInt16LE(1, 22); // mono
  buffer.writeUInt32LE(sampleRate, 24);
  buffer.writeUInt32LE(sampleRate * 2, 28); // bytes per second
  buffer.writeUInt16LE(2, 32); // bytes per frame
  buffer.writeUInt16LE(16, 34); // bits per sample
  buffer.write('data', 36, 'ascii');
  buffer.writeUInt32LE(dataBytes, 40);
  samples.forEach((s, i) => {
    buffer.writeInt16LE(Math.round(Math.max(-1, Math.min(1, s)) * 32767), 44 + i * 2);
  });
  return buffer;
}

/** Same header, and every sample within one step of rounding. */
function sameSound(a, b) {
  if (a.length !== b.length || !a.subarray(0, 44).equals(b.subarray(0, 44))) return false;
  for (let at = 44; at < a.length; at += 2) {
    if (Math.abs(a.readInt16LE(at) - b.readInt16LE(at)) > 1) return false;
  }
  return true;
}

const outDir = fileURLToPath(new URL('../resources/sounds/', import.meta.url));

function main() {
  const check = process.argv.includes('--check');
  let stale = 0;
  if (!check) mkdirSync(outDir, { recursive: true });
  for (const [name, sound] of Object.entries(sounds)) {
    const file = `${outDir}${name}.wav`;
    const bytes = encodeWav(synthesize(sound));
    if (!check) {
      writeFileSync(file, bytes);
      console.log(`wrote resources/sounds/${name}.wav (${bytes.length} bytes, ${sound.seconds} s)`);
      continue;
    }
    let committed = null;
    try {
      committed = readFileSync(file);
    } catch {
      // Missing counts as stale.
    }
    if (!committed || !sameSound(committed, bytes)) {
      stale += 1;
      console.error(`resources/sounds/${name}.wav is not what scripts/make-sounds.mjs makes`);
    }
  }
  if (stale > 0) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
