/**
 * The pages' signalling goes through the bench process (Playwright's
 * exposeFunction), which speaks to the hub as the console and viewer page do;
 * the pages hold only the WebRTC side.
 */
export type Signal = (name: string, input: unknown) => Promise<unknown>;

interface BenchWindow {
  benchSignal?: Signal;
  bench?: unknown;
}

export function signal(name: string, input: unknown): Promise<unknown> {
  const fn = (window as unknown as BenchWindow).benchSignal;
  if (!fn) throw new Error('benchSignal is not exposed');
  return fn(name, input);
}

export function expose(api: unknown): void {
  (window as unknown as BenchWindow).bench = api;
}

/** Non-trickle ICE for the direct connection: the description once every candidate is in it. */
export async function gathered(pc: RTCPeerConnection): Promise<RTCSessionDescriptionInit> {
  if (pc.iceGatheringState !== 'complete')
    await new Promise<void>((resolve) => {
      const check = () => {
        if (pc.iceGatheringState === 'complete') resolve();
      };
      pc.addEventListener('icegatheringstatechange', check);
      setTimeout(resolve, 3000);
    });
  const description = pc.localDescription;
  if (!description) throw new Error('no local description');
  return { type: description.type, sdp: description.sdp };
}
