/**
 * Reads and mends the RIFF WAV a speech engine wrote. espeak-ng streaming to
 * stdout cannot seek back, so it leaves placeholder sizes in the header; the
 * sizes are rewritten from the bytes really there, and the duration comes from
 * those bytes too, never from what the header claimed.
 */

export interface PcmWav {
  /** The whole file with correct RIFF and data sizes. */
  bytes: Buffer;
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  durationMs: number;
}

export class WavError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WavError';
  }
}

/** Parses a PCM WAV (format 1), trims a data chunk claiming more than is there, and fixes the sizes. */
export function readPcmWav(input: Buffer): PcmWav {
  if (
    input.length < 12 ||
    input.toString('ascii', 0, 4) !== 'RIFF' ||
    input.toString('ascii', 8, 12) !== 'WAVE'
  )
    throw new WavError('not a RIFF WAVE file');
  let offset = 12;
  let format: { channels: number; sampleRate: number; bitsPerSample: number } | null = null;
  while (offset + 8 <= input.length) {
    const id = input.toString('ascii', offset, offset + 4);
    const declared = input.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (declared < 16 || body + 16 > input.length) throw new WavError('short fmt chunk');
      if (input.readUInt16LE(body) !== 1) throw new WavError('not PCM');
      format = {
        channels: input.readUInt16LE(body + 2),
        sampleRate: input.readUInt32LE(body + 4),
        bitsPerSample: input.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      if (format === null) throw new WavError('data before fmt');
      const { channels, sampleRate, bitsPerSample } = format;
      const frame = channels * (bitsPerSample / 8);
      if (channels < 1 || sampleRate < 1 || !Number.isInteger(frame) || frame < 1)
        throw new WavError('impossible format');
      const present = Math.min(declared, input.length - body);
      const size = present - (present % frame);
      const bytes = Buffer.from(input.subarray(0, body + size));
      bytes.writeUInt32LE(bytes.length - 8, 4);
      bytes.writeUInt32LE(size, offset + 4);
      const durationMs = Math.round(((size / frame) * 1000) / sampleRate);
      return { bytes, sampleRate, channels, bitsPerSample, durationMs };
    }
    // Chunks are word-aligned: an odd size has a pad byte.
    offset = body + declared + (declared % 2);
  }
  throw new WavError('no data chunk');
}
