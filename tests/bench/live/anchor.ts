// The anchor's side of the Live benches: a 1280x720 canvas drawing the time
// as blocks (and moving noise below them, so the encoder spends its bitrate
// as on a camera), published through the hub's mediasoup or to a direct peer.
import { Device } from 'mediasoup-client';
import type { types as msc } from 'mediasoup-client';
import { qualitySpecs, simulcastEncodings } from '../../../renderer/live/quality';
import { patternBlocks, patternHeightFraction } from './time-pattern';
import { expose, gathered, signal } from './signal';

const spec = qualitySpecs['720p'];
/** The one-encoding cap, the same for the direct connection and the hub's one-encoding phase. */
const directMaxBitrate = spec.layerBitrates[2];
const canvas = document.createElement('canvas');
canvas.width = spec.width;
canvas.height = spec.height;
document.body.append(canvas);
const ctx = canvas.getContext('2d');
if (!ctx) throw new Error('no 2d context');
const context = ctx;

let drawn = 0;
let drawnSince = performance.now();

function draw(): void {
  drawn++;
  for (const block of patternBlocks(
    canvas.width,
    canvas.height,
    performance.timeOrigin + performance.now(),
  )) {
    context.fillStyle = block.white ? '#fff' : '#000';
    context.fillRect(block.x, block.y, block.width, block.height);
  }
  const top = Math.floor(canvas.height * patternHeightFraction);
  for (let i = 0; i < 120; i++) {
    context.fillStyle = `hsl(${Math.floor(Math.random() * 360)} 70% ${20 + Math.floor(Math.random() * 60)}%)`;
    context.fillRect(
      Math.floor(Math.random() * canvas.width),
      top + Math.floor(Math.random() * (canvas.height - top)),
      40,
      24,
    );
  }
  requestAnimationFrame(draw);
}
requestAnimationFrame(draw);

const stream = canvas.captureStream(spec.frameRate);
const canvasTrack = stream.getVideoTracks()[0];
if (!canvasTrack) throw new Error('no canvas track');
const track: MediaStreamTrack = canvasTrack;

/**
 * What the encoder gives up on a loaded machine: 'detail' keeps the 720p
 * picture and drops frames (the CPU bench forwards 720p), 'motion' keeps the
 * frame rate and shrinks the picture (the latency bench needs frames).
 */
function setHint(hint: 'detail' | 'motion'): void {
  track.contentHint = hint;
}

let producer: msc.Producer | null = null;
let sendTransport: { broadcastId: number; device: Device; transport: msc.Transport } | null = null;
let direct: RTCPeerConnection | null = null;

/** One send transport per broadcast for the page's life, as the console keeps one while it is live. */
async function sendTransportFor(broadcastId: number): Promise<{ device: Device; transport: msc.Transport }> {
  if (sendTransport?.broadcastId === broadcastId) return sendTransport;
  const device = new Device();
  const { rtpCapabilities } = (await signal('media.capabilities', { broadcastId })) as {
    rtpCapabilities: msc.RtpCapabilities;
  };
  await device.load({ routerRtpCapabilities: rtpCapabilities });
  const options = (await signal('media.transport.create', {
    broadcastId,
    direction: 'send',
  })) as msc.TransportOptions;
  const transport = device.createSendTransport(options);
  transport.on('connect', ({ dtlsParameters }, done, fail) => {
    signal('media.transport.connect', { transportId: transport.id, dtlsParameters }).then(() => done(), fail);
  });
  transport.on('produce', ({ kind, rtpParameters }, done, fail) => {
    signal('media.produce', { transportId: transport.id, kind, rtpParameters }).then(
      (out) => done({ id: (out as { producerId: string }).producerId }),
      fail,
    );
  });
  sendTransport = { broadcastId, device, transport };
  return sendTransport;
}

/**
 * Publishes the canvas through the hub: the console's simulcast layers, or one
 * 720p encoding capped as the direct connection is. A new producer replaces
 * the page's previous one (the hub keeps one picture per broadcast).
 */
async function publishSfu(broadcastId: number, simulcast: boolean): Promise<string> {
  unpublish();
  const { device, transport } = await sendTransportFor(broadcastId);
  producer = await transport.produce({
    track,
    encodings: simulcast ? simulcastEncodings('720p') : [{ maxBitrate: directMaxBitrate }],
    codecOptions: { videoGoogleStartBitrate: startBitrateKbps },
    codec: device.rtpCapabilities.codecs?.find((c) => c.mimeType.toLowerCase() === 'video/vp8'),
    stopTracks: false,
  });
  return producer.id;
}

/** Stops sending through the hub (the encoder with it), keeping the transport. */
function unpublish(): void {
  producer?.close();
  producer = null;
}

async function offerDirect(): Promise<RTCSessionDescriptionInit> {
  direct = new RTCPeerConnection();
  const sender = direct.addTrack(track, stream);
  const transceiver = direct.getTransceivers().find((t) => t.sender === sender);
  const vp8 = RTCRtpSender.getCapabilities('video')?.codecs.filter(
    (c) => c.mimeType.toLowerCase() === 'video/vp8',
  );
  if (transceiver && vp8) transceiver.setCodecPreferences(vp8);
  await direct.setLocalDescription(await direct.createOffer());
  const parameters = sender.getParameters();
  for (const encoding of parameters.encodings) encoding.maxBitrate = directMaxBitrate;
  await sender.setParameters(parameters);
  return gathered(direct);
}

/** Pauses or resumes the direct connection's encoding, so only the phase being measured costs CPU. */
async function setDirectSending(sending: boolean): Promise<void> {
  const sender = direct?.getSenders().find((s) => s.track === track);
  if (!sender) throw new Error('no direct connection');
  const parameters = sender.getParameters();
  for (const encoding of parameters.encodings) encoding.active = sending;
  await sender.setParameters(parameters);
}

/** Where the send-side bandwidth estimate starts, kbit/s: what mediasoup-client asks of the hub's transport. */
const startBitrateKbps = 1000;

/**
 * The same start as the hub's phases (mediasoup-client's videoGoogleStartBitrate
 * writes this into its answer too): Chromium's default 300 kbit/s would hold the
 * direct picture small for the first seconds and the phases would differ in more
 * than the SFU hop.
 */
function withStartBitrate(sdp: string): string {
  const payloadTypes = [...sdp.matchAll(/^a=rtpmap:(\d+) VP8\/90000\r?$/gim)].map((m) => m[1]);
  let out = sdp;
  for (const pt of payloadTypes) {
    const fmtp = new RegExp(`^(a=fmtp:${pt} .*?)(\\r?)$`, 'm');
    out = fmtp.test(out)
      ? out.replace(fmtp, `$1;x-google-start-bitrate=${startBitrateKbps}$2`)
      : out.replace(
          new RegExp(`^(a=rtpmap:${pt} VP8/90000)(\\r?)$`, 'im'),
          `$1$2\na=fmtp:${pt} x-google-start-bitrate=${startBitrateKbps}$2`,
        );
  }
  return out;
}

async function acceptAnswer(answer: RTCSessionDescriptionInit): Promise<void> {
  if (!direct) throw new Error('no direct offer');
  await direct.setRemoteDescription(
    answer.sdp === undefined ? answer : { type: answer.type, sdp: withStartBitrate(answer.sdp) },
  );
}

interface LayerStats {
  rid: string | null;
  width: number;
  height: number;
  fps: number;
  /** Chromium's reason for sending less than asked: 'cpu', 'bandwidth' or 'none'. */
  limit: string;
}

/** What the encoder is really sending, layer by layer, and how fast the canvas is drawn. */
async function sendStats(
  from: 'sfu' | 'direct' = 'sfu',
): Promise<{ drawnFps: number; layers: LayerStats[] }> {
  const report = from === 'sfu' ? await producer?.getStats() : await direct?.getStats();
  const layers: LayerStats[] = [];
  report?.forEach(
    (s: {
      type: string;
      rid?: string;
      frameWidth?: number;
      frameHeight?: number;
      framesPerSecond?: number;
      qualityLimitationReason?: string;
      active?: boolean;
    }) => {
      // A paused or closed sender keeps its last outbound-rtp entry: only what is being sent counts.
      if (s.type === 'outbound-rtp' && s.active !== false)
        layers.push({
          rid: s.rid ?? null,
          width: s.frameWidth ?? 0,
          height: s.frameHeight ?? 0,
          fps: s.framesPerSecond ?? 0,
          limit: s.qualityLimitationReason ?? 'unknown',
        });
    },
  );
  layers.sort((a, b) => (a.rid ?? '').localeCompare(b.rid ?? ''));
  const now = performance.now();
  const drawnFps = (drawn * 1000) / (now - drawnSince);
  drawn = 0;
  drawnSince = now;
  return { drawnFps: Math.round(drawnFps * 10) / 10, layers };
}

function stop(): void {
  unpublish();
  sendTransport?.transport.close();
  sendTransport = null;
  direct?.close();
  direct = null;
}

expose({ setHint, publishSfu, unpublish, offerDirect, acceptAnswer, setDirectSending, sendStats, stop });
