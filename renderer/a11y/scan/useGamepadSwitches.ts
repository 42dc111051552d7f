import { useEffect, type RefObject } from 'react';
import type { ScanSettings } from '../../../shared/a11y';
import { resolveKeyMap } from '../../../shared/a11y';
import type { ScanSession } from './scan-session';

const prefix = 'gamepad:';

/**
 * Many switch interfaces present themselves as a joystick. The Gamepad API has
 * no events for buttons, so while a gamepad button is mapped the pads are read
 * once a frame and button edges become switch down/up signals.
 */
export function useGamepadSwitches(session: RefObject<ScanSession | null>, settings: ScanSettings): void {
  const mapped = [...resolveKeyMap(settings).keys()].some((input) => input.startsWith(prefix));
  useEffect(() => {
    if (!mapped || typeof navigator.getGamepads !== 'function') return;
    const down = new Set<string>();
    let frame = 0;
    const poll = () => {
      const now = new Set<string>();
      for (const pad of navigator.getGamepads()) {
        pad?.buttons.forEach((button, index) => {
          if (button.pressed) now.add(`${prefix}${index}`);
        });
      }
      const at = performance.now();
      for (const input of now) if (!down.has(input)) session.current?.raw({ type: 'down', input, at });
      for (const input of down) if (!now.has(input)) session.current?.raw({ type: 'up', input, at });
      down.clear();
      for (const input of now) down.add(input);
      frame = requestAnimationFrame(poll);
    };
    frame = requestAnimationFrame(poll);
    return () => cancelAnimationFrame(frame);
  }, [mapped, session]);
}
