import { io } from 'socket.io-client';
import type { Ack } from '../../shared/protocol/ack';
import { ackSchema } from '../../shared/protocol/ack';
import type { InputOf, NamesOf, OutputOf } from '../../shared/protocol/command';
import { namespaces, viewerCommandTable } from '../../shared/protocol/events';
import { liveJoinResponse, type LiveJoinResponse } from '../../shared/protocol/live';
import type { ClientSocket } from '../support/hub-client';
import { emitRaw, postJson } from '../support/hub-client';

export const demoSlug = 'jinfeng-kumquats';

export async function joinAsViewer(
  hubUrl: string,
  nickname: string,
  room = demoSlug,
): Promise<LiveJoinResponse> {
  const res = await postJson(`${hubUrl}/api/live/join`, { room, nickname });
  if (res.status !== 200) throw new Error(`join failed: ${res.status} ${JSON.stringify(res.body)}`);
  return liveJoinResponse.parse(res.body);
}

export function connectViewer(hubUrl: string, token: unknown): Promise<ClientSocket> {
  const socket = io(`${hubUrl}${namespaces.viewer}`, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

export async function viewer(
  hubUrl: string,
  nickname: string,
): Promise<{ socket: ClientSocket; join: LiveJoinResponse }> {
  const join = await joinAsViewer(hubUrl, nickname);
  return { socket: await connectViewer(hubUrl, join.token), join };
}

type ViewerTable = typeof viewerCommandTable;
export async function viewerCall<N extends NamesOf<ViewerTable>>(
  socket: ClientSocket,
  event: N,
  payload: InputOf<ViewerTable[N]>,
): Promise<Ack<OutputOf<ViewerTable[N]>>> {
  const answer = await emitRaw(socket, event, payload);
  return ackSchema(viewerCommandTable[event].output).parse(answer) as Ack<OutputOf<ViewerTable[N]>>;
}

/** The next push of `event` on a socket, or a timeout. */
export function nextPush<T>(
  socket: ClientSocket,
  event: string,
  match: (p: T) => boolean = () => true,
  ms = 4000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, on);
      reject(new Error(`no ${event} push within ${ms} ms`));
    }, ms);
    const on = (payload: T) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, on);
      resolve(payload);
    };
    socket.on(event, on);
  });
}
