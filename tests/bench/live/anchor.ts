// The anchor's side of the Live benches: a 1280x720 canvas drawing the time
// as blocks (and moving noise below them, so the encoder spends its bitrate
// as on a camera), published through the hub's mediasoup or to a direct peer.
import { Device } from 'mediasoup-client';
import type { types as msc } from 'mediasoup-client';
import { qualitySpecs, simulcastEncodings } from '../../../renderer/live/quality';
import { drawPattern, patternHeightFraction } from './time-pattern';
import { expose, gathered, signal } from './signal';

const spec = qualitySpecs['720p'];
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
  drawPattern(context, canvas.width, canvas.height, performance.timeOrigin + performance.now());
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
let direct: RTCPeerConnection | null = null;

async function publishSfu(broadcastId: number, simulcast: boolean): Promise<string> {
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
  producer = await transport.produce({
    track,
    ...(simulcast
      ? { encodings: simulcastEncodings('720p') }
      : { encodings: [{ maxBitrate: spec.layerBitrates[2] }] }),
    codecOptions: { videoGoogleStartBitrate: 1000 },
    codec: device.rtpCapabilities.codecs?.find((c) => c.mimeType.toLowerCase() === 'video/vp8'),
    stopTracks: false,
  });
  return producer.id;
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
  for (const encoding of parameters.encodings) encoding.maxBitrate = spec.layerBitrates[2];
  await sender.setParameters(parameters);
  return gathered(direct);
}

async function acceptAnswer(answer: RTCSessionDescriptionInit): Promise<void> {
  if (!direct) throw new Error('no direct offer');
  await direct.setRemoteDescription(answer);
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
async function sendStats(): Promise<{ drawnFps: number; layers: LayerStats[] }> {
  const report = producer ? await producer.getStats() : direct ? await direct.getStats() : null;
  const layers: LayerStats[] = [];
  report?.forEach(
    (s: {
      type: string;
      rid?: string;
      frameWidth?: number;
      frameHeight?: number;
      framesPerSecond?: number;
      qualityLimitationReason?: string;
    }) => {
      if (s.type === 'outbound-rtp')
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
  producer?.close();
  producer = null;
  direct?.close();
  direct = null;
}

expose({ setHint, publishSfu, offerDirect, acceptAnswer, sendStats, stop });
