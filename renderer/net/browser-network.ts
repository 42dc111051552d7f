import type { NetworkSignal } from './network';

/** The browser's own idea of being online (`navigator.onLine` and its events). */
export function browserNetwork(win: Window = window): NetworkSignal {
  return {
    get online() {
      return win.navigator.onLine;
    },
    subscribe(listener) {
      const online = () => listener(true);
      const offline = () => listener(false);
      win.addEventListener('online', online);
      win.addEventListener('offline', offline);
      return () => {
        win.removeEventListener('online', online);
        win.removeEventListener('offline', offline);
      };
    },
  };
}
