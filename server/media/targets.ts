import { z } from 'zod';
import type { OutputTarget } from './ffmpeg-output';
import { MediaError } from './types';

const restreamInput = z.object({
  url: z
    .string()
    .trim()
    .max(2048)
    .regex(/^rtmps?:\/\/[^\s/]+(\/\S*)?$/i),
  streamKey: z.string().trim().min(1).max(1024).regex(/^\S+$/),
});

/**
 * The RTMP address ffmpeg pushes to: the platform's ingest URL and the
 * stream key as its last path segment. The key, the URL and their join
 * are the secrets the output redacts from every log line and error.
 */
export function restreamTarget(input: { url: string; streamKey: string }): OutputTarget {
  const parsed = restreamInput.safeParse(input);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0];
    throw new MediaError(
      'invalid_input',
      field === 'streamKey'
        ? 'The stream key must not be empty or contain spaces.'
        : 'The ingest URL must start with rtmp:// or rtmps://.',
    );
  }
  const base = parsed.data.url.replace(/\/+$/, '');
  const url = `${base}/${parsed.data.streamKey}`;
  return { format: 'flv', url, secrets: [url, parsed.data.streamKey] };
}
