import { powerSaveBlocker } from 'electron';

/**
 * Keeps the display awake while the anchor is live: a sleeping screen would
 * stop the camera and the broadcast with it. One blocker at most; asking
 * twice keeps the same one, and `off` releases it.
 */
export function displayKeepAwake(): (on: boolean) => boolean {
  let blocker: number | null = null;
  return (on) => {
    if (on) {
      if (blocker === null || !powerSaveBlocker.isStarted(blocker))
        blocker = powerSaveBlocker.start('prevent-display-sleep');
      return true;
    }
    if (blocker !== null && powerSaveBlocker.isStarted(blocker)) powerSaveBlocker.stop(blocker);
    blocker = null;
    return false;
  };
}
