import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { types as ms } from 'mediasoup';
import type { Logger } from 'pino';
import type { OutputStatus } from '../../shared/protocol/live';
import { redactor } from './redact';
import { plainRtpSdp, type SdpStream } from './sdp';
import type { OutputKind, ProducerInfo } from './types';
import { freeRtpPortPair } from './udp-ports';

export type OutputTarget =
  { format: 'flv'; url: string; secrets: string[] } | { format: 'mp4'; file: string };

export interface FfmpegOutputOptions {
  kind: OutputKind;
  router: ms.Router;
  producers: ProducerInfo[];
  target: OutputTarget;
  log: Logger;
  onStatus: (status: OutputStatus) => void;
  ffmpegBin?: string;
  now?: () => number;
}

const ip = '127.0.0.1';
/** ffmpeg needs a key frame to learn the picture size; a viewer joining late asks again, so ask for a while. */
const keyFrameSchedule = [300, 800, 1500, 2500, 3500, 5000, 7000];
const stopTimeoutMs = 5000;
const noMediaTimeoutMs = 20_000;

/**
 * One restream or recording: the room consumed through PlainTransports
 * (mediasoup sends plain RTP to ffmpeg on loopback), ffmpeg reads it from
 * a generated SDP, transcodes to H264 + AAC and writes FLV to an RTMP
 * ingest or a fragmented MP4 (playable even if ffmpeg is killed).
 */
export class FfmpegOutput {
  private current: OutputStatus;
  private child: ChildProcess | null = null;
  private readonly transports: ms.PlainTransport[] = [];
  private readonly consumers: ms.Consumer[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopping = false;
  private exited: Promise<void> = Promise.resolve();
  private readonly stderrTail: string[] = [];
  private readonly redact: (text: string) => string;
  private tempDir: string | null = null;
  private readonly now: () => number;

  constructor(private readonly options: FfmpegOutputOptions) {
    this.now = options.now ?? Date.now;
    this.redact = redactor(options.target.format === 'flv' ? options.target.secrets : []);
    this.current = {
      state: 'starting',
      error: null,
      file: options.target.format === 'mp4' ? basename(options.target.file) : null,
      startedAt: null,
    };
  }

  get status(): OutputStatus {
    return this.current;
  }

  get active(): boolean {
    return this.current.state === 'starting' || this.current.state === 'running';
  }

  /** Sets the consumers and ffmpeg up; resolves once ffmpeg is spawned or the start failed (see status). */
  async start(): Promise<OutputStatus> {
    this.set({ state: 'starting', error: null });
    try {
      const streams: SdpStream[] = [];
      // Video first: ffmpeg's -map 0:v? / 0:a? do not depend on the order, but readers of the SDP do.
      const ordered = [...this.options.producers].sort(
        (a, b) => (a.kind === 'video' ? -1 : 1) - (b.kind === 'video' ? -1 : 1),
      );
      for (const producer of ordered) {
        const port = await freeRtpPortPair(ip);
        const transport = await this.options.router.createPlainTransport({
          listenInfo: { protocol: 'udp', ip },
          rtcpMux: false,
          comedia: false,
        });
        this.transports.push(transport);
        await transport.connect({ ip, port, rtcpPort: port + 1 });
        const consumer = await transport.consume({
          producerId: producer.id,
          rtpCapabilities: this.options.router.rtpCapabilities,
          paused: true,
        });
        this.consumers.push(consumer);
        if (consumer.type === 'simulcast')
          await consumer.setPreferredLayers({ spatialLayer: 2, temporalLayer: 2 });
        streams.push({ kind: producer.kind, port, rtpParameters: consumer.rtpParameters });
      }
      this.tempDir = mkdtempSync(join(tmpdir(), 'wings-output-'));
      const sdpFile = join(this.tempDir, 'input.sdp');
      writeFileSync(sdpFile, plainRtpSdp(ip, streams));
      this.spawn(sdpFile);
    } catch (err) {
      this.options.log.error(
        { err: this.redact(String(err)), output: this.options.kind },
        'output could not start',
      );
      this.cleanup();
      if (this.current.state === 'starting')
        this.set({ state: 'failed', error: 'The hub could not start the output.' });
    }
    return this.current;
  }

  /** SIGINT first so ffmpeg finishes the file; killed if it does not stop in time. */
  async stop(): Promise<OutputStatus> {
    this.stopping = true;
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGINT');
      const killer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
      let giveUp: NodeJS.Timeout | undefined;
      // A child that never reports its end (a failed spawn) must not hold the room's close forever.
      await Promise.race([
        this.exited,
        new Promise<void>((resolve) => (giveUp = setTimeout(resolve, stopTimeoutMs + 1000))),
      ]);
      clearTimeout(killer);
      clearTimeout(giveUp);
    }
    this.cleanup();
    this.set({ state: 'idle', error: null, startedAt: null });
    return this.current;
  }

  private spawn(sdpFile: string): void {
    const { target } = this.options;
    const args = [
      '-hide_banner',
      '-nostdin',
      '-loglevel',
      'warning',
      '-protocol_whitelist',
      'file,udp,rtp',
      '-fflags',
      '+genpts',
      '-i',
      sdpFile,
      '-map',
      '0:v?',
      '-map',
      '0:a?',
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-tune',
      'zerolatency',
      '-pix_fmt',
      'yuv420p',
      '-g',
      '60',
      '-b:v',
      '2500k',
      '-maxrate',
      '3000k',
      '-bufsize',
      '6000k',
      '-c:a',
      'aac',
      '-b:a',
      '128k',
      '-ar',
      '44100',
      '-ac',
      '2',
      '-progress',
      'pipe:1',
      '-nostats',
      ...(target.format === 'flv'
        ? ['-f', 'flv', target.url]
        : ['-f', 'mp4', '-movflags', '+frag_keyframe+empty_moov+default_base_moof', '-y', target.file]),
    ];
    const child = spawn(this.options.ffmpegBin ?? 'ffmpeg', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('close', () => resolve()));
    child.once('error', (err: NodeJS.ErrnoException) => {
      const missing = err.code === 'ENOENT';
      this.child = null;
      this.options.log.error({ output: this.options.kind, code: err.code }, 'ffmpeg could not start');
      this.cleanup();
      this.set({
        state: 'failed',
        error: missing ? 'ffmpeg is not installed on the hub' : 'The hub could not start ffmpeg.',
      });
    });
    child.once('spawn', () => {
      for (const delay of keyFrameSchedule) this.later(delay, () => this.requestKeyFrames());
      this.later(keyFrameSchedule[0] ?? 0, () => {
        for (const consumer of this.consumers) consumer.resume().catch(() => undefined);
      });
      this.later(noMediaTimeoutMs, () => {
        if (this.current.state !== 'starting') return;
        this.options.log.warn({ output: this.options.kind }, 'no media reached ffmpeg in time');
        void this.stop().then(() =>
          this.set({ state: 'failed', error: 'No picture or sound reached the output. Try again.' }),
        );
      });
    });
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => this.progress(chunk));
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      for (const line of chunk.split(/\r?\n/)) {
        const clean = this.redact(line.trim());
        if (!clean) continue;
        this.stderrTail.push(clean);
        if (this.stderrTail.length > 20) this.stderrTail.shift();
        this.options.log.debug({ output: this.options.kind, ffmpeg: clean }, 'ffmpeg');
      }
    });
    child.once('close', (code, signal) => {
      if (this.stopping) return;
      const error = this.explain(code);
      this.options.log.warn(
        { output: this.options.kind, code, signal, ffmpeg: this.stderrTail.slice(-5) },
        'ffmpeg stopped',
      );
      this.cleanup();
      if (this.current.state !== 'failed') this.set({ state: 'failed', error });
    });
  }

  private progress(chunk: string): void {
    if (this.current.state !== 'starting') return;
    for (const match of chunk.matchAll(/^(frame|out_time_us)=(\d+)$/gm)) {
      if (Number(match[2]) > 0) {
        this.set({ state: 'running', error: null, startedAt: this.now() });
        return;
      }
    }
  }

  private explain(code: number | null): string {
    const text = this.stderrTail.join('\n');
    if (this.options.kind === 'restream') {
      if (/refused|cannot open connection|failed to connect|could not resolve|no route/i.test(text))
        return 'The streaming platform refused the connection. Check the ingest URL.';
      if (/broken pipe|connection reset|input\/output error|end of file/i.test(text))
        return 'The streaming platform closed the connection. Check the stream key.';
    } else if (/no space left/i.test(text)) {
      return 'The hub ran out of disk space for the recording.';
    } else if (/permission denied|no such file/i.test(text)) {
      return 'The hub could not write the recording file.';
    }
    return `ffmpeg stopped unexpectedly (exit code ${code ?? 'none'}).`;
  }

  private requestKeyFrames(): void {
    for (const consumer of this.consumers)
      if (consumer.kind === 'video' && !consumer.closed) consumer.requestKeyFrame().catch(() => undefined);
  }

  private later(delay: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, delay);
    this.timers.add(timer);
  }

  private cleanup(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const transport of this.transports.splice(0)) transport.close();
    this.consumers.splice(0);
    if (this.tempDir) rmSync(this.tempDir, { recursive: true, force: true });
    this.tempDir = null;
  }

  private set(patch: Partial<OutputStatus>): void {
    this.current = { ...this.current, ...patch };
    this.options.onStatus(this.current);
  }
}
