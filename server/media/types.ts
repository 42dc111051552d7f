import type {
  ConsumerOptions,
  MediaJson,
  MediaKind,
  MediaStatus,
  SendStats,
  TransportOptions,
} from '../../shared/protocol/media';
import type { OutputStatus } from '../../shared/protocol/live';

/**
 * The hub's media plane as the Live job sees it (`server/live` authorises,
 * then calls these). Everything is keyed by the broadcast id (one mediasoup
 * Router per live broadcast) and by the peer: one socket, whose transports,
 * producers and consumers close with it. Methods reject with a `MediaError`.
 */
export type PeerRole = 'anchor' | 'viewer' | 'watcher';

export interface PeerRef {
  /** The socket id: a peer is one socket. */
  peerId: string;
  broadcastId: number;
  role: PeerRole;
}

export interface ProducerInfo {
  id: string;
  kind: MediaKind;
}

export type OutputKind = 'restream' | 'recording';

export interface MediaPlaneEvents {
  /** The plane became available or not (a worker died, came back, or never started). */
  status: MediaStatus;
  /** The broadcast's producers changed: viewers consume the new ones. */
  producers: { broadcastId: number; producers: ProducerInfo[] };
  /** The anchor's transport lost or regained its connection (ICE restart in progress). */
  recovering: { broadcastId: number; recovering: boolean };
  /** A restream or recording changed state, or failed. */
  output: { broadcastId: number; kind: OutputKind; status: OutputStatus };
  /** A room's router died with its worker: the broadcast's media is gone, the anchor must go live again. */
  roomLost: { broadcastId: number };
}

export interface MediaPlane {
  status(): MediaStatus;
  on<K extends keyof MediaPlaneEvents>(
    event: K,
    listener: (payload: MediaPlaneEvents[K]) => void,
  ): () => void;
  /** Creates the broadcast's router (idempotent). */
  openRoom(broadcastId: number): Promise<void>;
  /** Closes the router, every peer's transports in it, and stops its outputs. */
  closeRoom(broadcastId: number): Promise<void>;
  rtpCapabilities(broadcastId: number): Promise<MediaJson>;
  createTransport(peer: PeerRef, direction: 'send' | 'recv'): Promise<TransportOptions>;
  connectTransport(peerId: string, transportId: string, dtlsParameters: MediaJson): Promise<void>;
  restartIce(peerId: string, transportId: string): Promise<MediaJson>;
  produce(peer: PeerRef, transportId: string, kind: MediaKind, rtpParameters: MediaJson): Promise<string>;
  /** Consumers are created paused; the client resumes once its track is wired. */
  consume(
    peer: PeerRef,
    transportId: string,
    producerId: string,
    rtpCapabilities: MediaJson,
  ): Promise<ConsumerOptions>;
  resume(peerId: string, consumerId: string): Promise<void>;
  /** The viewer's decoder lost the picture (`keyFrame` signal): asks the anchor's encoder for a key frame. */
  requestKeyFrame(peerId: string, consumerId: string): Promise<void>;
  producers(broadcastId: number): ProducerInfo[];
  /** The socket went away: closes everything it opened. */
  closePeer(peerId: string): void;
  sendStats(broadcastId: number): Promise<SendStats | null>;
  startRestream(broadcastId: number, target: { url: string; streamKey: string }): Promise<OutputStatus>;
  stopRestream(broadcastId: number): Promise<OutputStatus>;
  startRecording(broadcastId: number): Promise<OutputStatus>;
  stopRecording(broadcastId: number): Promise<OutputStatus>;
  outputStatus(broadcastId: number, kind: OutputKind): OutputStatus;
  close(): Promise<void>;
}

export type MediaErrorCode = 'invalid_input' | 'not_found' | 'unavailable' | 'conflict';

/** What a handler turns into `fail(code, message)`: the message is for the person, never a stack. */
export class MediaError extends Error {
  constructor(
    readonly code: MediaErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MediaError';
  }
}
