import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach } from 'vitest';
import type { Session } from '../../../renderer/session/session';
import { openWorkstation, signInOnHost, testSession, type Workstation } from '../../support/workstation';
import { AppProviders } from './providers';

export interface SignedInDesk {
  /** This test's workstation: a real demo hub and the host's real services on a temp directory. */
  readonly ws: Workstation;
  /** The worker signed in on that host, as the app would hold them. */
  readonly session: Session;
  /** Renders `ui` inside the app's providers, over this workstation and session. */
  render(ui: ReactNode): RenderResult;
}

/**
 * Gives every test of the calling file a fresh workstation with `username`
 * signed in on its host, and closes both after the test. Call it at the top
 * of the file; read `ws` and `session` inside tests only. The demo's six
 * months of shifts and pay are seeded only with `demoHistory`.
 */
export function signedInDesk(username: string, options: { demoHistory?: boolean } = {}): SignedInDesk {
  let ws: Workstation | null = null;
  let session: Session | null = null;
  beforeEach(async () => {
    ws = await openWorkstation({ demoHistory: options.demoHistory ?? false });
    session = testSession(ws, await signInOnHost(ws, username));
  });
  afterEach(async () => {
    await session?.dispose();
    await ws?.close();
    session = null;
    ws = null;
  });
  const now = <T,>(value: T | null): T => {
    if (value === null) throw new Error('the signed-in desk exists inside a test only');
    return value;
  };
  return {
    get ws() {
      return now(ws);
    },
    get session() {
      return now(session);
    },
    render: (ui) =>
      render(
        <AppProviders ws={now(ws)} session={now(session)}>
          {ui}
        </AppProviders>,
      ),
  };
}
