// Glass-to-glass latency of a Live broadcast: an anchor page draws the time
// into its picture, a viewer page reads it from each frame it presents, both
// in one Chromium (one clock). Through the hub's mediasoup (the console's
// three simulcast layers, signalling over the hub's sockets), beside a direct
// Chromium-to-Chromium RTCPeerConnection (one 720p encoding) in the same run.
//   npx tsx tests/bench/live-latency.bench.ts      (or through `npm run bench`)
import type { Page } from 'playwright-core';
import { callPage, startBenchBrowser } from './live-pages';
import { startBenchHub } from './live-hub';

const warmUpMs = 3000;
const wantedSamples = Number(process.env.LIVE_LATENCY_SAMPLES ?? 300);
/** Gives up collecting after this long, printing what it has (a loaded machine drops frames). */
const collectTimeoutMs = 40_000;
const goalP95Ms = 300;

interface Taken {
  samples: number[];
  frames: number;
  unreadable: number;
  size: string;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** An SDP offer or answer as the pages pass it through this process. */
interface Description {
  type: string;
  sdp?: string;
}

const take = (viewer: Page): Promise<Taken> => callPage<Taken>(viewer, 'take');

async function collect(viewer: Page): Promise<Taken & { seconds: number }> {
  const firstFrame = Date.now() + 20_000;
  while ((await take(viewer)).frames === 0) {
    if (Date.now() > firstFrame) throw new Error('the viewer page presented no frame within 20 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  await new Promise((r) => setTimeout(r, warmUpMs));
  await take(viewer);
  const started = Date.now();
  const all: Taken = { samples: [], frames: 0, unreadable: 0, size: '' };
  while (all.samples.length < wantedSamples && Date.now() - started < collectTimeoutMs) {
    await new Promise((r) => setTimeout(r, 500));
    const next = await take(viewer);
    all.samples.push(...next.samples);
    all.frames += next.frames;
    all.unreadable += next.unreadable;
    all.size = next.size;
  }
  return { ...all, samples: all.samples.slice(0, wantedSamples), seconds: (Date.now() - started) / 1000 };
}

function line(label: string, taken: Taken & { seconds: number }): number {
  const sorted = [...taken.samples].sort((a, b) => a - b);
  const p95 = percentile(sorted, 95);
  console.log(
    `  ${label.padEnd(34)} p50 ${percentile(sorted, 50).toFixed(0).padStart(4)} ms  p95 ${p95
      .toFixed(0)
      .padStart(
        4,
      )} ms  max ${(sorted.at(-1) ?? NaN).toFixed(0).padStart(4)} ms  (${sorted.length} samples, ${(
      taken.frames / taken.seconds
    ).toFixed(1)} fps presented at ${taken.size}, ${taken.unreadable} frames unreadable)`,
  );
  return p95;
}

export async function runLiveLatencyBench(): Promise<void> {
  console.log('\nlive glass-to-glass latency (anchor canvas → viewer page, one Chromium, loopback)');
  const hub = await startBenchHub();
  const browser = await startBenchBrowser();
  try {
    const anchor = await browser.open('anchor', hub.anchorSignal);
    await callPage(anchor, 'setHint', 'motion');
    const producerId = await callPage<string>(anchor, 'publishSfu', hub.broadcastId, true);
    const { signal: viewerSignal } = await hub.viewerSignal('测延迟的观众');
    const sfuViewer = await browser.open('viewer', viewerSignal);
    await callPage(sfuViewer, 'consumeSfu', hub.broadcastId, producerId);
    const sfu = await collect(sfuViewer);
    const layers = await callPage<unknown>(anchor, 'sendStats');
    await callPage(sfuViewer, 'stop');
    await callPage(anchor, 'stop');
    await sfuViewer.close();

    // The same canvas straight to a second page: what the browser's own pipeline costs.
    const directViewer = await browser.open('viewer', () => Promise.reject(new Error('no signalling')));
    const offer = await callPage<Description>(anchor, 'offerDirect');
    const answer = await callPage<Description>(directViewer, 'answerDirect', offer);
    await callPage(anchor, 'acceptAnswer', answer);
    const direct = await collect(directViewer);

    const p95 = line('through the hub (mediasoup, simulcast)', sfu);
    line('direct peer connection (baseline)', direct);
    console.log(`  anchor's layers while measured through the hub: ${JSON.stringify(layers)}`);
    console.log(
      `  goal: under ${goalP95Ms} ms p95 on loopback: ${Number.isNaN(p95) ? 'no samples' : p95 < goalP95Ms ? 'met' : 'NOT met'}`,
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
