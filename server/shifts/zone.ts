import type { Kysely } from 'kysely';
import { defaultTimeZone, isTimeZone } from '../../shared/domain/calendar';
import type { Database } from '../store/schema';

/** The organisation's time zone for its calendar days: its pay settings, or China's when it has none. */
export async function orgTimeZone(db: Kysely<Database>, orgId: number): Promise<string> {
  const row = await db
    .selectFrom('pay_settings')
    .select('time_zone')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row && isTimeZone(row.time_zone) ? row.time_zone : defaultTimeZone;
}
