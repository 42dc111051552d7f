import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChannelInput, ChannelOutput } from '../../shared/bridge';
import { fail, ok, type Ack } from '../../shared/protocol';
import { defaultRate, engineFor, type SpeechEngine, type SpeechLanguage } from './speech-engines';
import { readPcmWav, WavError } from './wav';

export interface SpeechOptions {
  engine?: SpeechEngine;
  /** A render still running after this long is killed. */
  timeoutMs?: number;
  /** Bytes of WAV one render may produce: base64 of it must fit `speech.render`'s answer. */
  maxOutputBytes?: number;
  /** Renders at once; more wait in line, and past `maxWaiting` are refused. */
  concurrency?: number;
  maxWaiting?: number;
}

export interface SpeechService {
  voices(): Promise<ChannelOutput<'speech.voices'>>;
  render(input: ChannelInput<'speech.render'>): Promise<Ack<ChannelOutput<'speech.render'>>>;
}

/** 12 MiB of WAV is 16 MiB of base64, the channel's limit: over two minutes of speech at 22 kHz. */
export const speechOutputMax = 12 * 1024 * 1024;
export const speechTimeoutMs = 10_000;
const listTimeoutMs = 5_000;

interface Run {
  stdout: Buffer;
  code: number | null;
  stderr: string;
}

class RunFailure extends Error {
  constructor(
    readonly kind: 'missing' | 'timeout' | 'oversize' | 'failed',
    message: string,
  ) {
    super(message);
  }
}

/** Runs a program without a shell, feeding `stdin`, killing it past the time or output limits. */
function run(
  program: string,
  args: string[],
  opts: { stdin: string; timeoutMs: number; maxBytes: number; env?: Record<string, string> },
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, {
      shell: false,
      windowsHide: true,
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(opts.env ? { env: { ...process.env, ...opts.env } } : {}),
    });
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = '';
    let failure: RunFailure | null = null;
    const stop = (why: RunFailure) => {
      failure ??= why;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(
      () => stop(new RunFailure('timeout', `${program} took longer than ${opts.timeoutMs} ms`)),
      opts.timeoutMs,
    );
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > opts.maxBytes)
        stop(new RunFailure('oversize', `${program} produced more than ${opts.maxBytes} bytes`));
      else chunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 2000) stderr += chunk.toString('utf8');
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(error.code === 'ENOENT' ? new RunFailure('missing', `${program} is not installed`) : error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (failure) reject(failure);
      else resolve({ stdout: Buffer.concat(chunks), code, stderr });
    });
    // A program that exits before reading all of stdin must not crash the host with EPIPE.
    child.stdin.on('error', () => undefined);
    child.stdin.end(opts.stdin, 'utf8');
  });
}

/** A small semaphore with a bounded line: a page cannot pile up renders on the host. */
class Gate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(
    private readonly limit: number,
    private readonly maxWaiting: number,
  ) {}

  async use<T>(work: () => Promise<T>): Promise<T | null> {
    if (this.active >= this.limit) {
      if (this.waiting.length >= this.maxWaiting) return null;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next in line.
      if (next) next();
      else this.active--;
    }
  }
}

const noEngine =
  'No speech engine is installed on this workstation (espeak-ng on Linux, SAPI on Windows, say on macOS).';

export function createSpeechService(options: SpeechOptions = {}): SpeechService {
  const engine = options.engine ?? engineFor(process.platform);
  const timeoutMs = options.timeoutMs ?? speechTimeoutMs;
  const maxOutputBytes = options.maxOutputBytes ?? speechOutputMax;
  const gate = new Gate(options.concurrency ?? 2, options.maxWaiting ?? 4);
  // Listed once it worked: voices are installed rarely, and listing costs a process.
  let known: Map<SpeechLanguage, string> | null = null;

  async function languages(): Promise<Map<SpeechLanguage, string>> {
    if (known) return known;
    try {
      const listed = await run(engine.list.program, engine.list.args, {
        stdin: '',
        timeoutMs: listTimeoutMs,
        maxBytes: 1024 * 1024,
      });
      if (listed.code !== 0) return new Map();
      const found = engine.languagesOf(listed.stdout.toString('utf8'));
      if (found.size > 0) known = found;
      return found;
    } catch {
      return new Map();
    }
  }

  async function renderWith(
    voice: string,
    text: string,
    rate: number,
  ): Promise<Ack<ChannelOutput<'speech.render'>>> {
    const dir = await mkdtemp(join(tmpdir(), 'wings-speech-'));
    const wavFile = join(dir, 'speech.wav');
    try {
      const command = engine.render(voice, rate, wavFile);
      const result = await run(command.program, command.args, {
        stdin: text,
        timeoutMs,
        maxBytes: maxOutputBytes,
        ...(command.env ? { env: command.env } : {}),
      });
      if (result.code !== 0)
        return fail(
          'unavailable',
          `The speech engine failed (${engine.name}, exit ${result.code ?? 'killed'}).`,
        );
      let raw = result.stdout;
      if (command.toFile) {
        const size = (await stat(wavFile)).size;
        if (size > maxOutputBytes)
          return fail('cannot_apply', 'That line makes too much audio; split it up.');
        raw = await readFile(wavFile);
      }
      const wav = readPcmWav(raw);
      if (wav.bitsPerSample !== 16 || wav.channels !== 1)
        return fail(
          'internal',
          `The speech engine wrote ${wav.channels}-channel ${wav.bitsPerSample}-bit audio.`,
        );
      return ok({ wavBase64: wav.bytes.toString('base64'), durationMs: wav.durationMs });
    } catch (error) {
      if (error instanceof RunFailure) {
        if (error.kind === 'missing') return fail('unavailable', noEngine);
        if (error.kind === 'timeout')
          return fail('unavailable', 'The speech engine took too long and was stopped.');
        if (error.kind === 'oversize')
          return fail('cannot_apply', 'That line makes too much audio; split it up.');
      }
      if (error instanceof WavError)
        return fail('internal', `The speech engine wrote no usable audio (${error.message}).`);
      throw error;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  return {
    async voices() {
      const found = await languages();
      return { engine: found.size > 0 ? engine.name : null, languages: [...found.keys()].sort() };
    },
    async render({ text, language, rate }) {
      const voice = (await languages()).get(language);
      if (voice === undefined) {
        return known === null
          ? fail('unavailable', noEngine)
          : fail(
              'unavailable',
              `No ${language === 'zh-CN' ? 'Mandarin Chinese' : 'English'} voice is installed.`,
            );
      }
      const answer = await gate.use(() => renderWith(voice, text, rate ?? defaultRate));
      return answer ?? fail('rate_limited', 'The speech engine is busy; try again in a moment.');
    },
  };
}
