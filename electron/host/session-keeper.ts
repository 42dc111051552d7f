import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { HostSession } from '../../shared/bridge';
import { embeddedHubKey, ownerKey } from '../../shared/bridge';
import type { Ack, ErrorCode } from '../../shared/protocol';
import { errorSchema, fail, loginResponseSchema, ok, sessionUserSchema } from '../../shared/protocol';

const requestTimeoutMs = 15_000;
/** setTimeout overflows past 2^31-1 ms. */
const maxTimerMs = 2 ** 31 - 1;

const signedInSchema = loginResponseSchema.extend({ user: sessionUserSchema });

export interface SessionKeeperOptions {
  /** The hub this launch talks to (embedded or configured); null while it is still starting. */
  hub: () => { hubUrl: string; embeddedHub: boolean } | null;
  now: () => number;
  /** Signed in, signed out or expired. */
  onChange: (session: HostSession | null) => void;
  fetch?: typeof fetch;
}

interface Held {
  session: HostSession;
  owner: string;
}

/**
 * The one signed-in worker of this workstation, held in the host's memory: a
 * restart means signing in again, and nothing on disk can be replayed as a
 * session. The owner key that binds drafts and outbox entries is derived here
 * from what the hub answered, never from anything the renderer sent.
 */
export class SessionKeeper {
  private held: Held | null = null;
  private expiry: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: SessionKeeperOptions) {}

  current(): HostSession | null {
    return this.live()?.session ?? null;
  }

  /** The owner key for a call naming `sessionId`, or null if that is not the signed-in session. */
  ownerFor(sessionId: string): string | null {
    const held = this.live();
    return held?.session.sessionId === sessionId ? held.owner : null;
  }

  /** The signed-in owner, for events and sweeps that are not a renderer's call. */
  get owner(): string | null {
    return this.live()?.owner ?? null;
  }

  async signIn(username: string, password: string): Promise<Ack<HostSession>> {
    const hub = this.options.hub();
    if (!hub) return fail('unavailable', 'The hub connection is still starting.');
    const { hubUrl } = hub;
    const answer = await this.post(hubUrl, '/api/login', { username, password });
    if (!answer.ok) return answer;
    const parsed = signedInSchema.safeParse(answer.data);
    if (!parsed.success) return fail('internal', 'The hub answered sign-in outside the contract.');
    const { token, expiresAt, user } = parsed.data;
    // Someone else was signed in on this PC: their session ends here, on the hub too. The swap has
    // no await in it, so sign-ins that overlap (a double press) cannot leave a live token the host forgot.
    const previous = this.held;
    this.end();
    // The embedded hub listens on a new port each launch: its workers' drafts and outbox must outlive that.
    const owner = ownerKey(hub.embeddedHub ? embeddedHubKey : hubUrl, user.id);
    const session: HostSession = {
      sessionId: randomBytes(24).toString('base64url'),
      hubUrl,
      token,
      expiresAt,
      user,
      owner,
    };
    this.held = { session, owner };
    this.scheduleExpiry();
    this.options.onChange(session);
    if (previous) await this.revoke(previous.session);
    return ok(session);
  }

  async signOut(sessionId: string): Promise<Ack<Record<string, never>>> {
    const held = this.live();
    if (held?.session.sessionId !== sessionId) return ok({});
    this.end();
    await this.revoke(held.session);
    return ok({});
  }

  /** Ends the session without asking the hub (the hub URL changed, the host is closing). */
  end(): void {
    if (!this.held) return;
    this.held = null;
    clearTimeout(this.expiry);
    this.options.onChange(null);
  }

  /** The held session, ended first if it has run out (the expiry timer may fire late). */
  private live(): Held | null {
    if (this.held && this.held.session.expiresAt <= this.options.now()) this.end();
    return this.held;
  }

  private async revoke(session: HostSession): Promise<void> {
    // Best effort: the token dies on the hub now; if the hub is unreachable it still expires on its own.
    await this.post(session.hubUrl, '/api/logout', {}, session.token).catch(() => undefined);
  }

  private scheduleExpiry(): void {
    clearTimeout(this.expiry);
    const session = this.held?.session;
    if (!session) return;
    const delay = session.expiresAt - this.options.now();
    this.expiry = setTimeout(
      () => (this.options.now() >= session.expiresAt ? this.end() : this.scheduleExpiry()),
      Math.max(0, Math.min(delay, maxTimerMs)),
    );
    this.expiry.unref?.();
  }

  private async post(hubUrl: string, path: string, body: unknown, bearer?: string): Promise<Ack<unknown>> {
    const doFetch = this.options.fetch ?? fetch;
    let response: Response;
    try {
      response = await doFetch(new URL(path, hubUrl), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(requestTimeoutMs),
      });
    } catch {
      return fail('unavailable', 'The hub could not be reached.');
    }
    const json: unknown = response.status === 204 ? {} : await response.json().catch(() => null);
    if (response.ok) return ok(json);
    if (response.status === 401) return fail('unauthorized', 'Wrong username or password.');
    const error = z.object({ error: errorSchema }).safeParse(json);
    const retryAfterMs = error.success
      ? (error.data.error.retryAfterMs ?? retryAfterHeaderMs(response))
      : retryAfterHeaderMs(response);
    const refusal = error.success
      ? fail(error.data.error.code, error.data.error.message)
      : fail(codeFor(response.status), `The hub answered ${response.status}.`);
    // The limiter's wait goes on to the sign-in form, which tells the worker the real figure.
    if (!refusal.ok && refusal.error.code === 'rate_limited' && retryAfterMs !== undefined) {
      return { ok: false, error: { ...refusal.error, retryAfterMs } };
    }
    return refusal;
  }
}

/** `Retry-After` in seconds (the only form the hub sends), for a hub that does not put the wait in its body. */
function retryAfterHeaderMs(response: Response): number | undefined {
  const seconds = Number(response.headers.get('retry-after') ?? '');
  return Number.isInteger(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

function codeFor(status: number): ErrorCode {
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'unavailable';
  if (status === 403) return 'forbidden';
  return 'invalid_input';
}
