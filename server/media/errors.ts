import { errors as msErrors } from 'mediasoup';
import { MediaError } from './types';

/**
 * Turns what mediasoup throws into a MediaError with plain words: a
 * TypeError is its parameter validation (the client sent malformed
 * parameters), a closed transport or router means the thing is gone.
 */
export function asMediaError(err: unknown, invalidMessage: string): MediaError {
  if (err instanceof MediaError) return err;
  if (err instanceof msErrors.WorkerClosedError)
    return new MediaError('unavailable', 'The media server stopped; it is restarting.');
  if (err instanceof msErrors.NotFoundError) return new MediaError('not_found', invalidMessage);
  return new MediaError('invalid_input', invalidMessage);
}

/** Runs a mediasoup call, mapping its failure. */
export async function mediasoupCall<T>(invalidMessage: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw asMediaError(err, invalidMessage);
  }
}

/** While a dead worker is being replaced. */
export const restartingReason = 'A media worker stopped and is restarting. Live will be back in a moment.';
