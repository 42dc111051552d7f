import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';

/** The in-memory copy covers a handshake in flight and a store that cannot be written; the store is the record. */
const maxRecent = 10_000;

/** Ends the sockets opened with one token, wherever they are connected (every node, through the adapter). */
export type EndSockets = (tokenId: string) => void;

/**
 * Tokens signed out before they expired. A row lives until its token's own
 * expiry, after which the token is refused anyway and housekeeping deletes
 * it (`sweeps.ts`), so the table holds about one working day of sign-outs. Recently revoked ids are also kept in
 * memory, so a socket whose handshake read the store just before the
 * sign-out committed is still refused.
 */
export class Revocations {
  private endSockets: EndSockets = () => undefined;
  private readonly recent = new Map<string, number>();

  constructor(private readonly db: Kysely<Database>) {}

  /** Called once the socket server exists (it is built after the HTTP routes that sign out). */
  attach(endSockets: EndSockets): void {
    this.endSockets = endSockets;
  }

  /**
   * Refused in this process and its sockets ended at once, then recorded, so
   * a store that cannot be written still ends the session until a restart.
   */
  async revoke(tokenId: string, expiresAt: number, now: number): Promise<void> {
    for (const [id, exp] of this.recent) if (exp <= now) this.recent.delete(id);
    this.recent.set(tokenId, expiresAt);
    for (const id of this.recent.keys()) {
      if (this.recent.size <= maxRecent) break;
      this.recent.delete(id);
    }
    this.endSockets(tokenId);
    await this.db
      .insertInto('revoked_tokens')
      .values({ token_id: tokenId, expires_at: expiresAt, revoked_at: now })
      .onConflict((oc) => oc.column('token_id').doNothing())
      .execute();
  }

  /** Signed out through this process, without waiting for the store. */
  revokedHere(tokenId: string): boolean {
    return this.recent.has(tokenId);
  }

  /** Checked on every socket handshake. */
  async isRevoked(tokenId: string): Promise<boolean> {
    if (this.recent.has(tokenId)) return true;
    const row = await this.db
      .selectFrom('revoked_tokens')
      .select('token_id')
      .where('token_id', '=', tokenId)
      .executeTakeFirst();
    return row !== undefined || this.recent.has(tokenId);
  }
}
