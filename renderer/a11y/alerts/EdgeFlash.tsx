import { useSyncExternalStore } from 'react';
import type { EdgeFlasher } from './edge-flash';
import './EdgeFlash.css';

export interface EdgeFlashProps {
  flasher: EdgeFlasher;
}

/** A border round the whole window; it never takes a pointer, so nothing under it is covered for input. */
export function EdgeFlash({ flasher }: EdgeFlashProps) {
  const state = useSyncExternalStore(flasher.subscribe, () => flasher.state);
  return <div className="edge-flash" data-state={state} aria-hidden="true" data-testid="edge-flash" />;
}
