import type { Sweep } from '../store/housekeeping';
import { defaultLoginLimits } from './backoff';

/** Failures are forgotten a day after a pair's last one (`LoginLimits.keepMs`). */
export const sweepLoginAttempts: Sweep = async (db, now) => {
  const result = await db
    .deleteFrom('login_attempts')
    .where('last_failure_at', '<', now - defaultLoginLimits.keepMs)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
};

/** A signed-out token past its expiry is refused anyway; its row is no longer needed. */
export const sweepRevokedTokens: Sweep = async (db, now) => {
  const result = await db.deleteFrom('revoked_tokens').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
};

/** Auth's retention rules, spread into the hub's housekeeping. */
export const authSweeps: Record<string, Sweep> = {
  loginAttempts: sweepLoginAttempts,
  revokedTokens: sweepRevokedTokens,
};
