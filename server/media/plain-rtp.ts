import type { types as ms } from 'mediasoup';
import type { MediaKind } from '../../shared/protocol/media';
import { plainAudioParameters, plainIngest, plainVideoParameters } from './codecs';
import { mediasoupCall } from './errors';
import type { Room } from './room';

/** What a plain-RTP sender (ffmpeg, a bench) needs to publish into a broadcast. */
export interface PlainIngest {
  ip: string;
  audio: PlainIngestStream;
  video: PlainIngestStream;
  close(): void;
}
export interface PlainIngestStream {
  port: number;
  rtcpPort: number;
  payloadType: number;
  ssrc: number;
  producerId: string;
}
export interface PlainRemote {
  ip: string;
  port: number;
  rtcpPort: number;
}
export interface PlainConsumer {
  consumerId: string;
  payloadType: number;
  close(): void;
}

/**
 * Two PlainTransports (comedia: mediasoup learns the sender's address from
 * its first packet) producing opus and VP8 with fixed payload types and
 * SSRCs, so tests and benches can feed a room from ffmpeg, no browser.
 */
export async function ingestPlain(
  room: Room,
  ip: string,
  addProducer: (producer: ms.Producer) => void,
): Promise<PlainIngest> {
  const open = async (kind: MediaKind) => {
    const transport = await room.primary.router.createPlainTransport({
      listenInfo: { protocol: 'udp', ip },
      rtcpMux: false,
      comedia: true,
    });
    const producer = await transport.produce({
      kind,
      rtpParameters: kind === 'audio' ? plainAudioParameters() : plainVideoParameters(),
    });
    addProducer(producer);
    const stream: PlainIngestStream = {
      port: transport.tuple.localPort,
      rtcpPort: transport.rtcpTuple?.localPort ?? transport.tuple.localPort,
      payloadType: plainIngest[kind].payloadType,
      ssrc: plainIngest[kind].ssrc,
      producerId: producer.id,
    };
    return { transport, stream };
  };
  const audio = await open('audio');
  const video = await open('video');
  return {
    ip,
    audio: audio.stream,
    video: video.stream,
    close: () => {
      audio.transport.close();
      video.transport.close();
    },
  };
}

/** One producer sent as plain RTP to a UDP address: what leaves the hub, checked without a browser. */
export async function consumePlain(
  room: Room,
  producerId: string,
  remote: PlainRemote,
  ip: string,
): Promise<PlainConsumer> {
  const transport = await room.primary.router.createPlainTransport({
    listenInfo: { protocol: 'udp', ip },
    rtcpMux: false,
    comedia: false,
  });
  try {
    await transport.connect(remote);
    const consumer = await mediasoupCall('That picture or sound is no longer being sent.', () =>
      transport.consume({ producerId, rtpCapabilities: room.primary.router.rtpCapabilities }),
    );
    if (consumer.kind === 'video') await consumer.requestKeyFrame();
    return {
      consumerId: consumer.id,
      payloadType: consumer.rtpParameters.codecs[0]?.payloadType ?? 0,
      close: () => transport.close(),
    };
  } catch (err) {
    transport.close();
    throw err;
  }
}
