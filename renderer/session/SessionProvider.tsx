import { createContext, useContext, useEffect, type ReactNode } from 'react';
import type { Session } from './session';

const SessionContext = createContext<Session | null>(null);

/**
 * Hands the signed-in session to every view below. Made by the app once per
 * sign-in; views read its stores through the hooks in ./hooks.ts.
 */
export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  useEffect(() => {
    // Closing or reloading the page: what is typed reaches the host's disk first.
    const flush = () => void session.drafts.flush();
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, [session]);
  return <SessionContext value={session}>{children}</SessionContext>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
