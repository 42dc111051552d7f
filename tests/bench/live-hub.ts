// The real hub for the Live benches, in the bench process so its mediasoup
// worker can be found (mediasoup's global observer) and measured. The
// anchor's and viewers' signalling are socket.io clients speaking the hub's
// protocol, as the console and the viewer page do.
import { observer, type types as ms } from 'mediasoup';
import { ackSchema } from '../../shared/protocol/ack';
import { z } from 'zod';
import { emitRaw, newId, signIn, startHub, type ClientSocket, type TestHub } from '../support/hub-client';
import { connectViewer, joinAsViewer } from '../integration/live-fixture';
import type { SignalHandler } from './live-pages';

export interface BenchHub {
  t: TestHub;
  broadcastId: number;
  slug: string;
  anchorSignal: SignalHandler;
  /** A viewer joined by nickname, its socket on `/live`. */
  viewerSignal(nickname: string): Promise<{ signal: SignalHandler; socket: ClientSocket }>;
  /** The hub's one mediasoup worker (the plane runs with `workers: 1`). */
  worker(): ms.Worker;
  /** The routers the hub created, each with its `appData.broadcastId`. */
  routers: ms.Router[];
  /** Every producer the hub's routers took, newest last. */
  producers: ms.Producer[];
  stop(): Promise<void>;
}

const anyAck = ackSchema(z.unknown());

function signalOver(socket: ClientSocket): SignalHandler {
  return async (name, input) => {
    const ack = anyAck.parse(await emitRaw(socket, name, input, 10_000));
    if (!ack.ok) throw new Error(`${name}: ${ack.error.code}: ${ack.error.message}`);
    return ack.data;
  };
}

export async function startBenchHub(): Promise<BenchHub> {
  const workers: ms.Worker[] = [];
  const routers: ms.Router[] = [];
  const producers: ms.Producer[] = [];
  const onWorker = (worker: ms.Worker) => {
    workers.push(worker);
    worker.observer.on('newrouter', (router: ms.Router) => {
      routers.push(router);
      router.observer.on('newtransport', (transport: ms.Transport) =>
        transport.observer.on('newproducer', (producer: ms.Producer) => producers.push(producer)),
      );
    });
  };
  observer.on('newworker', onWorker);
  const t = await startHub({ demo: true, media: { workers: 1 } });
  const anchor = await signIn(t.hub.url, 'anchor', 'wings-demo');
  const anchorSignal = signalOver(anchor);
  const { media } = (await anchorSignal('live.console', {})) as {
    media: { available: boolean; reason: string | null };
  };
  if (!media.available)
    throw new Error(
      `the hub's media plane is not available (${media.reason ?? 'no reason'}): set MEDIASOUP_WORKER_BIN to a built mediasoup-worker`,
    );
  const started = (await anchorSignal('live.broadcast.start', { id: newId(), title: '金桔直播 bench' })) as {
    room: { slug: string; broadcast: { id: number } | null };
  };
  const broadcastId = started.room.broadcast?.id;
  if (!broadcastId) throw new Error('the broadcast did not start');
  const sockets: ClientSocket[] = [anchor];
  return {
    t,
    broadcastId,
    slug: started.room.slug,
    anchorSignal,
    async viewerSignal(nickname) {
      const join = await joinAsViewer(t.hub.url, nickname, started.room.slug);
      const socket = await connectViewer(t.hub.url, join.token);
      sockets.push(socket);
      return { signal: signalOver(socket), socket };
    },
    worker() {
      const worker = workers.find((w) => !w.closed);
      if (!worker) throw new Error('the hub has no mediasoup worker');
      return worker;
    },
    routers,
    producers,
    async stop() {
      for (const s of sockets) s.close();
      observer.off('newworker', onWorker);
      await t.stop();
    },
  };
}
