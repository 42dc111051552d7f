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
let lastSize = '';

function onFrame(): void {
  const now = performance.timeOrigin + performance.now();
  frames++;
  lastSize = `${video.videoWidth}x${video.videoHeight}`;
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

let consumerTransport: msc.Transport | null = null;
let direct: RTCPeerConnection | null = null;

async function consumeSfu(broadcastId: number, producerId: string): Promise<void> {
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
  consumerTransport = transport;
  transport.on('connect', ({ dtlsParameters }, done, fail) => {
    signal('media.transport.connect', { transportId: transport.id, dtlsParameters }).then(() => done(), fail);
  });
  const params = (await signal('media.consume', {
    transportId: transport.id,
    producerId,
    rtpCapabilities: device.rtpCapabilities,
  })) as msc.ConsumerOptions;
  const consumer = await transport.consume(params);
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

/** The samples since the last call (ms), and how many frames were presented and could not be read. */
function take(): { samples: number[]; frames: number; unreadable: number; size: string } {
  const out = { samples, frames, unreadable, size: lastSize };
  samples = [];
  frames = 0;
  unreadable = 0;
  return out;
}

function stop(): void {
  consumerTransport?.close();
  consumerTransport = null;
  direct?.close();
  direct = null;
  video.srcObject = null;
}

expose({ consumeSfu, answerDirect, take, stop });
