import type { MediaStatus } from '../../shared/protocol/media';
import type { OutputStatus } from '../../shared/protocol/live';
import { MediaError, type MediaPlane } from './types';

const idle: OutputStatus = { state: 'idle', error: null, file: null, startedAt: null };

/**
 * The plane when no mediasoup worker could start (binary missing, spawn
 * refused): every media call is refused with the reason in plain words, so
 * the console can say why Live is off while the rest of the hub works.
 */
export function unavailablePlane(reason: string): MediaPlane {
  const status: MediaStatus = { available: false, reason };
  const refuse = (): Promise<never> => Promise.reject(new MediaError('unavailable', reason));
  return {
    status: () => status,
    on: () => () => undefined,
    openRoom: refuse,
    closeRoom: () => Promise.resolve(),
    rtpCapabilities: refuse,
    createTransport: refuse,
    connectTransport: refuse,
    restartIce: refuse,
    produce: refuse,
    consume: refuse,
    resume: refuse,
    requestKeyFrame: refuse,
    producers: () => [],
    closePeer: () => undefined,
    sendStats: () => Promise.resolve(null),
    startRestream: refuse,
    stopRestream: () => Promise.resolve(idle),
    startRecording: refuse,
    stopRecording: () => Promise.resolve(idle),
    outputStatus: () => idle,
    close: () => Promise.resolve(),
  };
}
