import { io } from 'socket.io-client';
import type { ChannelName, ChannelOutput } from '../../../shared/bridge';
import type { Ack } from '../../../shared/protocol';

/**
 * Calls the web-mode host over its `/bridge` namespace with the launch token
 * from the printed address: the same door, and the same checks, as the page.
 * Tests use it to see what the host keeps (drafts, the outbox) and to end the
 * host's session between tests, since the host, not the page, holds it.
 */
export async function hostCall<N extends ChannelName>(
  appAddress: string,
  name: N,
  input: unknown,
): Promise<Ack<ChannelOutput<N>>> {
  const url = new URL(appAddress);
  const socket = io(`${url.origin}/bridge`, {
    auth: { token: url.searchParams.get('token') ?? '' },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  try {
    return (await socket.timeout(10_000).emitWithAck('call', name, input)) as Ack<ChannelOutput<N>>;
  } finally {
    socket.close();
  }
}

/** The host's signed-in session id, or null. */
export async function hostSessionId(appAddress: string): Promise<string | null> {
  const current = await hostCall(appAddress, 'session.current', {});
  if (!current.ok) throw new Error(`session.current: ${current.error.code}`);
  return current.data.session?.sessionId ?? null;
}

/** Nobody is signed in on this host afterwards: the next page opens at sign-in. */
export async function signOutHost(appAddress: string): Promise<void> {
  const sessionId = await hostSessionId(appAddress);
  if (sessionId) await hostCall(appAddress, 'session.signOut', { sessionId });
}
