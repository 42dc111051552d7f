// Glass-to-glass latency of a Live broadcast: an anchor page draws the time
// into its picture, a viewer page reads it from each frame it presents, all
// in one Chromium (one clock). Three phases, interleaved in chunks so the
// machine's load (a CI run, another bench) hits each alike:
//   - through the hub, one encoding: one 720p VP8 encoding through mediasoup,
//     capped as the direct phase is: against direct, only the SFU hop differs;
//   - direct: the same canvas over a Chromium-to-Chromium RTCPeerConnection;
//   - through the hub, simulcast: the console's three layers, what it sends.
// Only the phase being measured encodes (the others are paused or closed), so
// one phase's encoder does not steal the CPU from another's.
//   npx tsx tests/bench/live-latency.bench.ts      (or `npm run bench -- latency`)
//   LIVE_LATENCY_ROUNDS=1 LIVE_LATENCY_CHUNK_MS=5000   shorter, for a quick look
import type { Page } from 'playwright-core';
import { callPage, startBenchBrowser } from './live-pages';
import { startBenchHub, type BenchHub } from './live-hub';

const rounds = Number(process.env.LIVE_LATENCY_ROUNDS ?? 3);
const chunkMs = Number(process.env.LIVE_LATENCY_CHUNK_MS ?? 10_000);
/** Each phase runs once this long before the rounds, its figures thrown away (bitrate ramp-up, JIT, caches). */
const warmUpChunkMs = 3000;
/** After a phase (re)starts, its first frames are thrown away: the keyframe and the jitter buffer settling. */
const settleMs = 1500;
const goalP95Ms = 300;

type PhaseName = 'hub-single' | 'direct' | 'hub-simulcast';

const labels: Record<PhaseName, string> = {
  'hub-single': 'through the hub, one encoding',
  direct: 'direct peer connection (baseline)',
  'hub-simulcast': 'through the hub, simulcast (console)',
};
const order: readonly PhaseName[] = ['hub-single', 'direct', 'hub-simulcast'];

interface Taken {
  samples: number[];
  frames: number;
  unreadable: number;
  sizes: Record<string, number>;
}

interface LayerStats {
  rid: string | null;
  width: number;
  height: number;
  fps: number;
  limit: string;
}

interface SendStats {
  drawnFps: number;
  layers: LayerStats[];
}

interface Pooled extends Taken {
  seconds: number;
  drawnFps: number[];
  lastLayers: LayerStats[];
}

/** An SDP offer or answer as the pages pass it through this process. */
interface Description {
  type: string;
  sdp?: string;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const take = (viewer: Page): Promise<Taken> => callPage<Taken>(viewer, 'take');

interface Pages {
  hub: BenchHub;
  anchor: Page;
  sfuViewer: Page;
  directViewer: Page;
}

async function startPhase(pages: Pages, phase: PhaseName): Promise<Page> {
  if (phase === 'direct') {
    await callPage(pages.anchor, 'setDirectSending', true);
    return pages.directViewer;
  }
  const producerId = await callPage<string>(
    pages.anchor,
    'publishSfu',
    pages.hub.broadcastId,
    phase === 'hub-simulcast',
  );
  await callPage(pages.sfuViewer, 'consumeSfu', pages.hub.broadcastId, producerId);
  return pages.sfuViewer;
}

async function endPhase(pages: Pages, phase: PhaseName): Promise<void> {
  if (phase === 'direct') await callPage(pages.anchor, 'setDirectSending', false);
  else await callPage(pages.anchor, 'unpublish');
}

/** One chunk of a phase: start it, let it settle, take `ms` of samples, stop it. */
async function chunk(
  pages: Pages,
  phase: PhaseName,
  ms: number,
): Promise<Taken & { seconds: number; stats: SendStats }> {
  const viewer = await startPhase(pages, phase);
  await take(viewer);
  const firstFrame = Date.now() + 20_000;
  while ((await take(viewer)).frames === 0) {
    if (Date.now() > firstFrame)
      throw new Error(`${labels[phase]}: the viewer presented no frame within 20 s`);
    await sleep(100);
  }
  await sleep(settleMs);
  await take(viewer);
  // Resets the anchor's count of frames drawn, so the next call covers this chunk only.
  await callPage(pages.anchor, 'sendStats', phase === 'direct' ? 'direct' : 'sfu');
  const started = Date.now();
  const all: Taken = { samples: [], frames: 0, unreadable: 0, sizes: {} };
  while (Date.now() - started < ms) {
    await sleep(Math.min(500, ms - (Date.now() - started)));
    const next = await take(viewer);
    all.samples.push(...next.samples);
    all.frames += next.frames;
    all.unreadable += next.unreadable;
    for (const [size, n] of Object.entries(next.sizes)) all.sizes[size] = (all.sizes[size] ?? 0) + n;
  }
  const seconds = (Date.now() - started) / 1000;
  const stats = await callPage<SendStats>(pages.anchor, 'sendStats', phase === 'direct' ? 'direct' : 'sfu');
  await endPhase(pages, phase);
  return { ...all, seconds, stats };
}

/** The sizes presented, most frequent first, with their share of frames. */
function sizesText(sizes: Record<string, number>): string {
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  const listed = Object.entries(sizes)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([size, n]) => `${size} ${Math.round((100 * n) / total)}%`);
  return listed.length === 0 ? 'no frames' : listed.join(', ');
}

function layersText(layers: readonly LayerStats[]): string {
  return layers
    .map(
      (l) =>
        `${l.rid ?? 'one'} ${l.width}x${l.height}@${l.fps.toFixed(0)}${l.limit === 'none' ? '' : ` (${l.limit})`}`,
    )
    .join(', ');
}

function report(phase: PhaseName, pooled: Pooled): number {
  const sorted = [...pooled.samples].sort((a, b) => a - b);
  const p95 = percentile(sorted, 95);
  const ms = (n: number) => `${Number.isNaN(n) ? '   -' : n.toFixed(0).padStart(4)} ms`;
  const drawn = pooled.drawnFps.reduce((a, b) => a + b, 0) / Math.max(1, pooled.drawnFps.length);
  console.log(
    `  ${labels[phase].padEnd(37)} p50 ${ms(percentile(sorted, 50))}  p95 ${ms(p95)}  max ${ms(sorted.at(-1) ?? NaN)}` +
      `  ${String(sorted.length).padStart(4)} samples  ${(pooled.frames / pooled.seconds).toFixed(1).padStart(4)} fps presented`,
  );
  console.log(
    `  ${''.padEnd(37)} at ${sizesText(pooled.sizes)}; ${pooled.unreadable} frames unreadable; anchor drew ${drawn.toFixed(1)} fps, sent ${layersText(pooled.lastLayers)}`,
  );
  return p95;
}

export async function runLiveLatencyBench(): Promise<void> {
  console.log('\nlive glass-to-glass latency (anchor canvas → viewer page, one Chromium, loopback)');
  console.log(
    `  ${rounds} rounds of ${order.join(', ')}, ${chunkMs / 1000} s each after a ${warmUpChunkMs / 1000} s warm-up each`,
  );
  const hub = await startBenchHub();
  const browser = await startBenchBrowser();
  try {
    const anchor = await browser.open('anchor', hub.anchorSignal);
    // Keep the frame rate and shrink the picture under load: the latency bench needs frames.
    await callPage(anchor, 'setHint', 'motion');
    const { signal: viewerSignal } = await hub.viewerSignal('测延迟的观众');
    const sfuViewer = await browser.open('viewer', viewerSignal);
    const directViewer = await browser.open('viewer', () => Promise.reject(new Error('no signalling')));
    const offer = await callPage<Description>(anchor, 'offerDirect');
    const answer = await callPage<Description>(directViewer, 'answerDirect', offer);
    await callPage(anchor, 'acceptAnswer', answer);
    await callPage(anchor, 'setDirectSending', false);
    const pages: Pages = { hub, anchor, sfuViewer, directViewer };

    for (const phase of order) await chunk(pages, phase, warmUpChunkMs);
    const pooled = new Map<PhaseName, Pooled>(
      order.map((p) => [
        p,
        { samples: [], frames: 0, unreadable: 0, sizes: {}, seconds: 0, drawnFps: [], lastLayers: [] },
      ]),
    );
    for (let round = 0; round < rounds; round++)
      for (const phase of order) {
        const taken = await chunk(pages, phase, chunkMs);
        const into = pooled.get(phase);
        if (!into) continue;
        into.samples.push(...taken.samples);
        into.frames += taken.frames;
        into.unreadable += taken.unreadable;
        into.seconds += taken.seconds;
        for (const [size, n] of Object.entries(taken.sizes)) into.sizes[size] = (into.sizes[size] ?? 0) + n;
        into.drawnFps.push(taken.stats.drawnFps);
        into.lastLayers = taken.stats.layers;
      }
    await callPage(sfuViewer, 'stop');
    await callPage(directViewer, 'stop');
    await callPage(anchor, 'stop');

    const p95s = new Map<PhaseName, number>();
    for (const [phase, taken] of pooled) p95s.set(phase, report(phase, taken));
    const verdict = (phase: PhaseName) => {
      const p95 = p95s.get(phase) ?? NaN;
      if (Number.isNaN(p95)) return `${labels[phase]}: no samples`;
      return `${labels[phase]} ${p95.toFixed(0)} ms ${p95 < goalP95Ms ? 'met' : 'NOT met'}`;
    };
    console.log(
      `  goal: under ${goalP95Ms} ms p95 on loopback, through the hub: ${verdict('hub-single')}; ${verdict('hub-simulcast')}`,
    );
  } finally {
    await browser.close();
    await hub.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runLiveLatencyBench();
  process.exit(0);
}
