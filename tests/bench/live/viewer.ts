// The viewer's side of the latency bench: receives the anchor's picture
// (through the hub's mediasoup, or straight from the anchor's page), and at
// each frame presented reads the time in it: now − that time is glass to glass.
import { Device } from 'mediasoup-client';
import type { types as msc } from 'mediasoup-client';
import { elapsedSince, readPattern } from './time-pattern';
import { expose, gathered, signal } from './signal';

const video = document.createElement('video');
video.muted = true;
video.autoplay = true;
video.playsInline = true;
document.body.append(video);
// Small on purpose: the browser scales the frame down, each block is still 20x15 pixels.
const probe = document.createElement('canvas');
probe.width = 160;
probe.height = 90;
const ctx = probe.getContext('2d', { willReadFrequently: true });
if (!ctx) throw new Error('no 2d context');
const context = ctx;

let samples: number[] = [];
let unreadable = 0;
let frames = 0;
/** Frames presented at each size since the last take: the encoder may shrink the picture under load. */
let sizes: Record<string, number> = {};

function onFrame(): void {
  const now = performance.timeOrigin + performance.now();
  frames++;
  const size = `${video.videoWidth}x${video.videoHeight}`;
  sizes[size] = (sizes[size] ?? 0) + 1;
  context.drawImage(video, 0, 0, probe.width, probe.height);
  const encoded = readPattern(
    context.getImageData(0, 0, probe.width, probe.height).data,
    probe.width,
    probe.height,
  );
  if (encoded === null) unreadable++;
  else samples.push(elapsedSince(encoded, now));
  video.requestVideoFrameCallback(onFrame);
}

let watching = false;

function show(stream: MediaStream): void {
  video.srcObject = stream;
  // One callback chain for the page's life: a second would count each frame twice.
  if (!watching) video.requestVideoFrameCallback(onFrame);
  watching = true;
  // Not awaited: playing starts once frames arrive, and they arrive only after the consumer is resumed.
  video.play().catch((err: unknown) => console.error('play failed', err));
}

let recv: { broadcastId: number; device: Device; transport: msc.Transport } | null = null;
let consumer: msc.Consumer | null = null;
let direct: RTCPeerConnection | null = null;

/** One receive transport per broadcast for the page's life, as the viewer page keeps one. */
async function recvTransportFor(broadcastId: number): Promise<{ device: Device; transport: msc.Transport }> {
  if (recv?.broadcastId === broadcastId) return recv;
  const device = new Device();
  const { rtpCapabilities } = (await signal('media.capabilities', { broadcastId })) as {
    rtpCapabilities: msc.RtpCapabilities;
  };
  await device.load({ routerRtpCapabilities: rtpCapabilities });
  const options = (await signal('media.transport.create', {
    broadcastId,
    direction: 'recv',
  })) as msc.TransportOptions;
  const transport = device.createRecvTransport(options);
  transport.on('connect', ({ dtlsParameters }, done, fail) => {
    signal('media.transport.connect', { transportId: transport.id, dtlsParameters }).then(() => done(), fail);
  });
  recv = { broadcastId, device, transport };
  return recv;
}

/** Watches a producer through the hub, in place of the one watched before (the anchor replaced it). */
async function consumeSfu(broadcastId: number, producerId: string): Promise<void> {
  const { device, transport } = await recvTransportFor(broadcastId);
  consumer?.close();
  const params = (await signal('media.consume', {
    transportId: transport.id,
    producerId,
    rtpCapabilities: device.rtpCapabilities,
  })) as msc.ConsumerOptions;
  consumer = await transport.consume(params);
  show(new MediaStream([consumer.track]));
  await signal('media.consumer.resume', { consumerId: consumer.id });
}

async function answerDirect(offer: RTCSessionDescriptionInit): Promise<RTCSessionDescriptionInit> {
  direct = new RTCPeerConnection();
  const pc = direct;
  const received = new Promise<MediaStream>((resolve) =>
    pc.addEventListener('track', (event) => resolve(event.streams[0] ?? new MediaStream([event.track]))),
  );
  await pc.setRemoteDescription(offer);
  await pc.setLocalDescription(await pc.createAnswer());
  const answer = await gathered(pc);
  void received.then(show);
  return answer;
}

/** The samples since the last call (ms), how many frames were presented (by size) and could not be read. */
function take(): { samples: number[]; frames: number; unreadable: number; sizes: Record<string, number> } {
  const out = { samples, frames, unreadable, sizes };
  samples = [];
  frames = 0;
  unreadable = 0;
  sizes = {};
  return out;
}

function stop(): void {
  consumer?.close();
  consumer = null;
  recv?.transport.close();
  recv = null;
  direct?.close();
  direct = null;
  video.srcObject = null;
}

expose({ consumeSfu, answerDirect, take, stop });
