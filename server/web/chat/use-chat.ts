import { useSyncExternalStore } from 'react';
import type { ChatClient, ChatSnapshot } from './chat-client';

/** The conversation as the client holds it; a component re-renders when it changes. */
export function useChat(client: ChatClient): ChatSnapshot {
  return useSyncExternalStore(client.subscribe, () => client.snapshot);
}
