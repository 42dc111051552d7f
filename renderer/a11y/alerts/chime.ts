import infoSound from '../../../resources/sounds/info.wav';
import urgentSound from '../../../resources/sounds/urgent.wav';
import { playTone } from './chime-tone';

/**
 * The alert sounds: short, quiet WAV files from resources/sounds/ (made by
 * scripts/make-sounds.mjs), served as the app's own assets so the CSP's
 * media-src 'self' covers them. The visual twin is shown regardless.
 */
const sounds = { info: infoSound, urgent: urgentSound } as const;

export function playChime(kind: 'info' | 'urgent'): void {
  if (typeof Audio === 'undefined') {
    playTone(kind);
    return;
  }
  const audio = new Audio(sounds[kind]);
  audio.play().catch((error: unknown) => {
    // Blocked autoplay blocks the tone as well; anything else (no decoder, a missing file) gets the tone.
    if (error instanceof DOMException && error.name === 'NotAllowedError') return;
    playTone(kind);
  });
}
