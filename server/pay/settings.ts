import type { Kysely } from 'kysely';
import { dayKeyOf, defaultTimeZone, isTimeZone } from '../../shared/domain/calendar';
import type { Database } from '../store/schema';

/** The organisation's zone: its days place every entry, rule version and report. */
export async function orgTimeZone(db: Kysely<Database>, orgId: number): Promise<string> {
  const row = await db
    .selectFrom('pay_settings')
    .select('time_zone')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row && isTimeZone(row.time_zone) ? row.time_zone : defaultTimeZone;
}

export async function orgToday(
  db: Kysely<Database>,
  orgId: number,
  now: number,
): Promise<{ timeZone: string; today: string }> {
  const timeZone = await orgTimeZone(db, orgId);
  return { timeZone, today: dayKeyOf(now, timeZone) };
}
