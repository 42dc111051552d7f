import type { ChannelInput, ChannelName, ChannelOutput, WingsBridge } from '../../shared/bridge';
import type { ErrorCode } from '../../shared/protocol';

/**
 * Unwraps an ack for callers that treat any failure as an exception (the
 * outbox's storage: OutboxSender retries a lane whose host call threw). Kept
 * apart from ./bridge.ts, which knows the browser's transports, so DOM-free
 * code and its Node-run tests can use it.
 */
export async function callOrThrow<N extends ChannelName>(
  bridge: WingsBridge,
  name: N,
  input: ChannelInput<N>,
): Promise<ChannelOutput<N>> {
  const ack = await bridge.call(name, input);
  if (!ack.ok) throw new AckFailure(ack.error.code, ack.error.message);
  return ack.data;
}

export class AckFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AckFailure';
  }
}
