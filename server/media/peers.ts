import type { types as ms } from 'mediasoup';
import type { PeerRole } from './types';

export interface PeerTransport {
  transport: ms.WebRtcTransport;
  broadcastId: number;
  slot: number;
  direction: 'send' | 'recv';
  role: PeerRole;
}

export interface PeerConsumer {
  consumer: ms.Consumer;
  slot: number;
}

/** What one socket opened: everything here closes when the socket goes. */
export class Peer {
  readonly transports = new Map<string, PeerTransport>();
  readonly consumers = new Map<string, PeerConsumer>();

  get empty(): boolean {
    return this.transports.size === 0 && this.consumers.size === 0;
  }

  close(): void {
    // Closing a transport closes its producers and consumers, whose close handlers update the counts.
    for (const { transport } of [...this.transports.values()]) transport.close();
    this.transports.clear();
    this.consumers.clear();
  }
}

/** The peers by socket id; a peer only ever reaches its own transports and consumers. */
export class PeerRegistry {
  private readonly peers = new Map<string, Peer>();

  get(peerId: string): Peer | null {
    return this.peers.get(peerId) ?? null;
  }

  ensure(peerId: string): Peer {
    let peer = this.peers.get(peerId);
    if (!peer) {
      peer = new Peer();
      this.peers.set(peerId, peer);
    }
    return peer;
  }

  transport(peerId: string, transportId: string): PeerTransport | null {
    return this.peers.get(peerId)?.transports.get(transportId) ?? null;
  }

  consumer(peerId: string, consumerId: string): PeerConsumer | null {
    return this.peers.get(peerId)?.consumers.get(consumerId) ?? null;
  }

  /** Drops a peer that holds nothing any more, so the map does not grow with every socket ever seen. */
  prune(peerId: string): void {
    if (this.peers.get(peerId)?.empty) this.peers.delete(peerId);
  }

  close(peerId: string): void {
    this.peers.get(peerId)?.close();
    this.peers.delete(peerId);
  }

  closeAll(): void {
    for (const peer of this.peers.values()) peer.close();
    this.peers.clear();
  }
}
