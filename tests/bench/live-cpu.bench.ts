// The hub's CPU forwarding one 720p simulcast stream (a Chromium anchor page
// publishing the console's three layers through the hub's signalling) to 1,
// 10, 25 and 50 viewers, beside the producer alone in the same run. The
// viewers are light clients: a mediasoup PlainTransport with SRTP each, on the
// broadcast's router, to a UDP socket in this process that authenticates and
// decrypts every packet and never decodes, so the hub encrypts and sends per
// viewer as for a browser. The figure is the mediasoup worker's CPU
// (utime+stime from /proc), the hub running `workers: 1`, so one core's.
//   npx tsx tests/bench/live-cpu.bench.ts      (or through `npm run bench`)
import { randomBytes } from 'node:crypto';
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { types as ms } from 'mediasoup';
import { callPage, startBenchBrowser } from './live-pages';
import { startBenchHub } from './live-hub';
import { SrtpReceiver } from './live-srtp';

const steps = (process.env.LIVE_CPU_STEPS ?? '0,1,10,25,50').split(',').map(Number);
const settleMs = 3000;
const windowMs = Number(process.env.LIVE_CPU_WINDOW_MS ?? 15_000);
const goalViewers = 50;
const goalShare = 50;
const cryptoSuite = 'AES_CM_128_HMAC_SHA1_80' as const;

const clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** utime+stime of a process in seconds. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which may hold spaces: state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / clockTicks;
}

interface LightViewer {
  transport: ms.PlainTransport;
  socket: UdpSocket;
  consumer: ms.Consumer;
  srtp: SrtpReceiver;
  rtcp: number;
  /** VP8 key frames whose start code was found in the decrypted payload: the decryption is right. */
  keyFrames: number;
}

/** Whether a VP8 RTP payload (RFC 7741) starts a key frame, whose header carries the start code 9d 01 2a. */
function isVp8KeyFrame(payload: Buffer): boolean {
  const first = payload[0] ?? 0;
  let at = 1;
  if (first & 0x80) {
    const ext = payload[1] ?? 0;
    at = 2;
    if (ext & 0x80) at += (payload[at] ?? 0) & 0x80 ? 2 : 1;
    if (ext & 0x40) at += 1;
    if (ext & 0x30) at += 1;
  }
  const startOfPartition = (first & 0x10) !== 0 && (first & 0x07) === 0;
  return (
    startOfPartition &&
    ((payload[at] ?? 1) & 0x01) === 0 &&
    payload[at + 3] === 0x9d &&
    payload[at + 4] === 0x01 &&
    payload[at + 5] === 0x2a
  );
}

/**
 * A light client sends no congestion feedback, so it must not ask for it: a
 * consumer with transport-cc would have mediasoup estimate bandwidth from
 * feedback that never comes and hold it at the 360p layer. A browser viewer
 * does send it and climbs to 720p on loopback.
 */
function withoutBandwidthFeedback(caps: ms.RtpCapabilities): ms.RtpCapabilities {
  return {
    codecs: (caps.codecs ?? []).map((c) => ({
      ...c,
      rtcpFeedback: (c.rtcpFeedback ?? []).filter((f) => f.type !== 'transport-cc' && f.type !== 'goog-remb'),
    })),
    headerExtensions: (caps.headerExtensions ?? []).filter(
      (h) => !h.uri.includes('transport-wide-cc') && !h.uri.includes('abs-send-time'),
    ),
  };
}

async function lightViewer(router: ms.Router, producerId: string): Promise<LightViewer> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const transport = await router.createPlainTransport({
    listenInfo: { protocol: 'udp', ip: '127.0.0.1' },
    rtcpMux: true,
    comedia: false,
    enableSrtp: true,
    srtpCryptoSuite: cryptoSuite,
  });
  await transport.connect({
    ip: '127.0.0.1',
    port: socket.address().port,
    srtpParameters: { cryptoSuite, keyBase64: randomBytes(30).toString('base64') },
  });
  const local = transport.srtpParameters;
  if (!local) throw new Error('the plain transport has no SRTP parameters');
  // The layers the hub asks for a browser viewer (server/media/plane.ts): the highest, stepping down on its own.
  const consumer = await transport.consume({
    producerId,
    rtpCapabilities: withoutBandwidthFeedback(router.rtpCapabilities),
    preferredLayers: { spatialLayer: 2, temporalLayer: 2 },
  });
  const videoType = consumer.rtpParameters.codecs[0]?.payloadType;
  const viewer: LightViewer = {
    transport,
    socket,
    consumer,
    srtp: new SrtpReceiver(local.keyBase64),
    rtcp: 0,
    keyFrames: 0,
  };
  socket.on('message', (packet) => {
    const type = packet[1] ?? 0;
    // RTCP (SRTCP-protected reports) shares the port: packet types 192–223 (RFC 5761).
    if (type >= 192 && type <= 223) {
      viewer.rtcp++;
      return;
    }
    const payload = viewer.srtp.unprotect(packet);
    // Retransmissions (RTX) carry another payload type and a 2-byte prefix.
    if (payload && (type & 0x7f) === videoType && isVp8KeyFrame(payload)) viewer.keyFrames++;
  });
  await consumer.requestKeyFrame();
  return viewer;
}

interface Step {
  viewers: number;
  share: number;
  mbpsPerViewer: number;
  authFailures: number;
  layer: string;
}

const layerNames = ['320x180', '640x360', '1280x720'];
function layerName(layers: ms.ConsumerLayers | undefined): string {
  return layers ? (layerNames[layers.spatialLayer] ?? String(layers.spatialLayer)) : 'none';
}

function fit(points: readonly Step[]): { slope: number; intercept: number } {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.viewers, 0) / n;
  const my = points.reduce((s, p) => s + p.share, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.viewers - mx) ** 2, 0);
  const sxy = points.reduce((s, p) => s + (p.viewers - mx) * (p.share - my), 0);
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

export async function runLiveCpuBench(): Promise<void> {
  console.log(
    `\nlive: the hub's mediasoup worker forwarding one 720p simulcast stream (${windowMs / 1000} s per step)`,
  );
  const hub = await startBenchHub();
  const browser = await startBenchBrowser();
  const viewers: LightViewer[] = [];
  try {
    const anchor = await browser.open('anchor', hub.anchorSignal);
    await callPage(anchor, 'setHint', 'detail');
    const producerId = await callPage<string>(anchor, 'publishSfu', hub.broadcastId, true);
    const router = hub.routers.find((r) => r.appData['broadcastId'] === hub.broadcastId);
    if (!router) throw new Error('the broadcast’s router was not seen');
    const producer = hub.producers.find((p) => p.id === producerId);
    const pid = hub.worker().pid;
    // The encoder ramps up its layers over the first seconds.
    await new Promise((r) => setTimeout(r, 5000));
    const results: Step[] = [];
    for (const count of steps) {
      while (viewers.length < count) viewers.push(await lightViewer(router, producerId));
      await new Promise((r) => setTimeout(r, settleMs));
      const bytesBefore = viewers.map((v) => v.srtp.payloadBytes);
      const failuresBefore = viewers.reduce((s, v) => s + v.srtp.authFailures, 0);
      const cpuBefore = cpuSeconds(pid);
      const started = performance.now();
      await new Promise((r) => setTimeout(r, windowMs));
      const seconds = (performance.now() - started) / 1000;
      const share = ((cpuSeconds(pid) - cpuBefore) / seconds) * 100;
      const received = viewers.reduce((s, v, i) => s + v.srtp.payloadBytes - (bytesBefore[i] ?? 0), 0);
      const step: Step = {
        viewers: count,
        share,
        mbpsPerViewer: count === 0 ? 0 : (received * 8) / seconds / count / 1e6,
        authFailures: viewers.reduce((s, v) => s + v.srtp.authFailures, 0) - failuresBefore,
        layer: layerName(viewers[0]?.consumer.currentLayers),
      };
      results.push(step);
      const inbound = producer ? (await producer.getStats()).reduce((s, l) => s + l.bitrate, 0) / 1e6 : NaN;
      console.log(
        `  ${String(count).padStart(3)} viewers  worker ${share.toFixed(1).padStart(5)} % of one core  ` +
          (count === 0
            ? '(producer only: the baseline)'
            : `${step.mbpsPerViewer.toFixed(2)} Mbit/s decrypted per viewer (layer ${step.layer}), ` +
              `${step.authFailures} packets failed authentication`) +
          `  (anchor sends ${inbound.toFixed(2)} Mbit/s, all layers)`,
      );
    }
    const keyFrames = viewers.map((v) => v.keyFrames);
    console.log(
      `  key frames found in the decrypted VP8 per viewer: min ${Math.min(...keyFrames)}, max ${Math.max(...keyFrames)}`,
    );
    const layers = await callPage<unknown>(anchor, 'sendStats');
    console.log(`  anchor's layers at the end: ${JSON.stringify(layers)}`);
    // mediasoup gives a viewer without bandwidth estimation the highest layer whose score is the best.
    console.log(
      `  the hub's scores of the layers (0–10): ${(producer?.score ?? []).map((s) => `${s.rid ?? s.ssrc} ${s.score}`).join(', ')}`,
    );
    const { slope, intercept } = fit(results);
    const saturates = slope > 0 ? (100 - intercept) / slope : Infinity;
    const at50 = results.find((r) => r.viewers === goalViewers)?.share ?? intercept + slope * goalViewers;
    console.log(
      `  fit: ${intercept.toFixed(1)} % + ${slope.toFixed(2)} % per viewer; one core saturates at about ${
        Number.isFinite(saturates) ? Math.round(saturates) : '∞'
      } viewers (projected from the line)`,
    );
    console.log(
      `  goal: ${goalViewers} viewers under ${goalShare} % of one core: ${at50.toFixed(1)} %, ${at50 < goalShare ? 'met' : 'NOT met'}`,
    );
  } finally {
    for (const v of viewers) {
      v.transport.close();
      v.socket.close();
    }
    await browser.close();
    await hub.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runLiveCpuBench();
  process.exit(0);
}
