import type { Kysely } from 'kysely';
import { maskCertificate, type DisabilityKind } from '../../shared/domain/quota/certificate';
import {
  defaultQuotaParameters,
  quotaParametersSchema,
  type QuotaParameters,
} from '../../shared/domain/quota/parameters';
import type { DisabilityRecord, QuotaMonthEntry } from '../../shared/protocol/quota';
import type { Database } from '../store/schema';

export interface RecordRow {
  user_id: number;
  display_name: string;
  grade: number;
  kind: string;
  certificate_cipher: string;
  certificate_last4: string;
  contract_start: string;
  contract_end: string | null;
  updated_at: number;
}

function recordsQuery(db: Kysely<Database>, orgId: number) {
  return (
    db
      .selectFrom('disability_records as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select([
        'r.user_id',
        'u.display_name',
        'r.grade',
        'r.kind',
        'r.certificate_cipher',
        'r.certificate_last4',
        'r.contract_start',
        'r.contract_end',
        'r.updated_at',
      ])
      // Both: a record's org and its user's org must agree, whatever wrote the row.
      .where('r.org_id', '=', orgId)
      .where('u.org_id', '=', orgId)
  );
}

export async function recordRows(db: Kysely<Database>, orgId: number): Promise<RecordRow[]> {
  return recordsQuery(db, orgId).orderBy('u.display_name').orderBy('r.user_id').execute();
}

export async function recordRow(
  db: Kysely<Database>,
  orgId: number,
  userId: number,
): Promise<RecordRow | null> {
  return (await recordsQuery(db, orgId).where('r.user_id', '=', userId).executeTakeFirst()) ?? null;
}

/** What leaves the hub: never the cipher. */
export function toRecord(row: RecordRow): DisabilityRecord {
  return {
    user: { id: row.user_id, displayName: row.display_name },
    grade: row.grade,
    kind: row.kind as DisabilityKind,
    certificateMasked: maskCertificate(row.certificate_last4),
    certificateLast4: row.certificate_last4,
    contractStart: row.contract_start,
    contractEnd: row.contract_end,
    updatedAt: row.updated_at,
  };
}

export async function orgUser(
  db: Kysely<Database>,
  orgId: number,
  userId: number,
): Promise<{ id: number; display_name: string } | null> {
  return (
    (await db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('org_id', '=', orgId)
      .where('id', '=', userId)
      .executeTakeFirst()) ?? null
  );
}

export async function usersCount(db: Kysely<Database>, orgId: number): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function candidates(
  db: Kysely<Database>,
  orgId: number,
): Promise<{ id: number; displayName: string }[]> {
  const rows = await db
    .selectFrom('users as u')
    .leftJoin('disability_records as r', 'r.user_id', 'u.id')
    .select(['u.id', 'u.display_name'])
    .where('u.org_id', '=', orgId)
    .where('r.user_id', 'is', null)
    .orderBy('u.display_name')
    .execute();
  return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
}

export type EntryRow = QuotaMonthEntry & { userId: number };

export async function monthEntries(
  db: Kysely<Database>,
  orgId: number,
  range?: { from: string; to: string },
): Promise<EntryRow[]> {
  let query = db
    .selectFrom('quota_months as m')
    .innerJoin('disability_records as r', 'r.user_id', 'm.user_id')
    .select(['m.user_id', 'm.month', 'm.wage_fen', 'm.insurance_paid'])
    .where('m.org_id', '=', orgId)
    .where('r.org_id', '=', orgId);
  if (range) query = query.where('m.month', '>=', range.from).where('m.month', '<=', range.to);
  const rows = await query.orderBy('m.month').orderBy('m.user_id').execute();
  return rows.map((r) => ({
    userId: r.user_id,
    month: r.month,
    wageFen: r.wage_fen,
    insurancePaid: r.insurance_paid === 1,
  }));
}

export interface StoredSettings {
  parameters: QuotaParameters;
  updatedAt: number | null;
}

/** Stored parameters over the defaults: a key a later version adds is filled in, never a failure. */
export async function loadSettings(db: Kysely<Database>, orgId: number): Promise<StoredSettings> {
  const row = await db
    .selectFrom('quota_settings')
    .select(['parameters', 'updated_at'])
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!row) return { parameters: defaultQuotaParameters, updatedAt: null };
  let stored: unknown;
  try {
    stored = JSON.parse(row.parameters);
  } catch {
    stored = {};
  }
  const merged = quotaParametersSchema.safeParse({
    ...defaultQuotaParameters,
    ...(typeof stored === 'object' && stored !== null ? stored : {}),
  });
  return { parameters: merged.success ? merged.data : defaultQuotaParameters, updatedAt: row.updated_at };
}
