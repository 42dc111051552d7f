import type { HostSession, WingsBridge } from '../../shared/bridge';
import type { ErrorCode } from '../../shared/protocol';
import { Emitter } from '../net/emitter';
import { alwaysLinked, type HostLink } from '../net/host-link';
import { Session } from './session';

/**
 * Why sign-in failed, as the sign-in screen says it. The host signs in on
 * the hub's `/api/login` and answers with its codes: `unauthorized` is a
 * wrong username or password, `unavailable` a hub out of reach, `conflict`
 * the hub's 409 (the same username and password in several organisations).
 */
export type SignInFailure = 'wrong_credentials' | 'network' | 'several_organisations' | ErrorCode;

export function signInFailureOf(code: ErrorCode): SignInFailure {
  switch (code) {
    case 'unauthorized':
      return 'wrong_credentials';
    case 'unavailable':
      return 'network';
    case 'conflict':
      return 'several_organisations';
    default:
      return code;
  }
}

export type SignInResult =
  | { ok: true }
  /** `retryAfterMs`: the hub's own wait, when it refused for too many attempts. */
  | { ok: false; reason: SignInFailure; retryAfterMs?: number };

/**
 * Why the worker is at the sign-in screen without having asked to be.
 * `hostRestarted`: the web-mode host stopped and came back, and it keeps
 * sign-ins in memory only; what was typed meanwhile waits in the browser.
 */
export type SignedOutNotice = 'expired' | 'signedOutElsewhere' | 'hostRestarted';

export type AuthState =
  | { readonly phase: 'checking' }
  | { readonly phase: 'signedOut'; readonly notice: SignedOutNotice | null; readonly asked: boolean }
  | {
      readonly phase: 'signedIn';
      readonly session: Session;
      /** Signed in just now through the form (not a reload): focus moves to the view. */
      readonly fresh: boolean;
    };

export type MakeSession = (bridge: WingsBridge, host: HostSession) => Session;

const defaultMakeSession: MakeSession = (bridge, host) => new Session({ bridge, host });

/**
 * Who is signed in, as the host says: sign-in and sign-out go through the
 * host, a reload asks it (`session.current`) and reopens the shell without
 * signing in again, and when the host says the session changed (signed out
 * in another window, expired, someone else signed in) the renderer follows.
 * App-wide, above every session; it makes and disposes them.
 */
export class AuthStore {
  private readonly changes = new Emitter();
  private stateValue: AuthState = { phase: 'checking' };
  private signingIn = false;
  private offEvents: (() => void) | null = null;
  /** Each session this store made, with the unsubscribe of its watch for `ended`. */
  private readonly watching = new Map<Session, () => void>();
  private reading: Promise<void> = Promise.resolve();
  /** The host link dropped while the current session was open: a restart may have ended it. */
  private linkDropped = false;
  private offLink: (() => void)[] = [];

  constructor(
    private readonly bridge: WingsBridge,
    private readonly makeSession: MakeSession = defaultMakeSession,
    private readonly now: () => number = Date.now,
    private readonly link: HostLink = alwaysLinked,
  ) {}

  get state(): AuthState {
    return this.stateValue;
  }
  get session(): Session | null {
    return this.stateValue.phase === 'signedIn' ? this.stateValue.session : null;
  }

  subscribe = (listener: () => void): (() => void) => this.changes.subscribe(listener);

  /** Asks the host who is signed in, and follows its changes from now on. */
  start(): Promise<void> {
    this.offEvents ??= this.bridge.listen('session.changed', () => void this.follow());
    if (this.offLink.length === 0) {
      this.offLink.push(
        this.link.subscribe(() => {
          if (this.link.state !== 'connected' && this.session) this.linkDropped = true;
        }),
        // A host that restarted sends no event: it simply no longer knows the session. Ask.
        this.link.onReconnected(() => void this.follow()),
      );
    }
    return this.follow();
  }

  async signIn(username: string, password: string): Promise<SignInResult> {
    this.signingIn = true;
    try {
      const answer = await this.bridge.call('session.signIn', { username, password });
      if (!answer.ok) {
        const reason = signInFailureOf(answer.error.code);
        const { retryAfterMs } = answer.error;
        return retryAfterMs === undefined ? { ok: false, reason } : { ok: false, reason, retryAfterMs };
      }
      await this.adopt(answer.data);
      return { ok: true };
    } finally {
      this.signingIn = false;
    }
  }

  /** Saves the drafts first (they need the session), then ends it on the host and the hub. */
  async signOut(): Promise<void> {
    const session = this.session;
    if (!session) return;
    this.set({ phase: 'signedOut', notice: null, asked: true });
    await this.drop(session);
    await this.bridge.call('session.signOut', { sessionId: session.id });
  }

  stop(): void {
    this.offEvents?.();
    this.offEvents = null;
    for (const off of this.offLink.splice(0)) off();
    const session = this.session;
    if (!session) return;
    this.set({ phase: 'signedOut', notice: null, asked: false });
    void this.drop(session);
  }

  /** Reads session.current, one read at a time, so answers cannot arrive out of order. */
  private follow(): Promise<void> {
    this.reading = this.reading.then(async () => {
      const answer = await this.bridge.call('session.current', {});
      // The host is out of reach: keep what is shown; its next event asks again.
      if (!answer.ok) {
        if (this.stateValue.phase === 'checking')
          this.set({ phase: 'signedOut', notice: null, asked: false });
        return;
      }
      const current = answer.data.session;
      if (current) {
        await this.adopt(current);
        return;
      }
      const session = this.session;
      if (session) {
        // Ended on the host's side: it expired, the host restarted, or someone signed out in another window.
        const notice: SignedOutNotice =
          this.now() >= session.expiresAt
            ? 'expired'
            : this.linkDropped
              ? 'hostRestarted'
              : 'signedOutElsewhere';
        this.set({ phase: 'signedOut', notice, asked: false });
        await this.drop(session);
      } else if (this.stateValue.phase === 'checking') {
        this.set({ phase: 'signedOut', notice: null, asked: false });
      }
    });
    return this.reading;
  }

  private async adopt(host: HostSession): Promise<void> {
    const previous = this.session;
    if (previous?.id === host.sessionId) {
      if (this.signingIn && this.stateValue.phase === 'signedIn' && !this.stateValue.fresh) {
        this.set({ ...this.stateValue, fresh: true });
      }
      return;
    }
    const session = this.makeSession(this.bridge, host);
    this.linkDropped = false;
    this.set({ phase: 'signedIn', session, fresh: this.signingIn });
    this.watching.set(
      session,
      session.subscribe(() => this.onSessionChange(session)),
    );
    if (previous) await this.drop(previous);
  }

  /** The hub refused the token, or it ran out: back to sign-in, and the host forgets the session too. */
  private onSessionChange(session: Session): void {
    if (this.session !== session || !session.ended) return;
    this.set({ phase: 'signedOut', notice: 'expired', asked: false });
    void this.drop(session).then(() => this.bridge.call('session.signOut', { sessionId: session.id }));
  }

  /** Called once the state has moved on from `session`. */
  private async drop(session: Session): Promise<void> {
    this.watching.get(session)?.();
    this.watching.delete(session);
    await session.dispose();
  }

  private set(state: AuthState): void {
    this.stateValue = state;
    this.changes.emit();
  }
}
