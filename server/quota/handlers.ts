import type { Kysely } from 'kysely';
import { fail, ok } from '../../shared/protocol/ack';
import {
  certificateLast4,
  certificateProblem,
  normaliseCertificate,
  type CertificateProblem,
} from '../../shared/domain/quota/certificate';
import {
  defaultQuotaParameters,
  quotaParameterSources,
  type QuotaParameters,
} from '../../shared/domain/quota/parameters';
import type { QuotaSettings, quotaCommands } from '../../shared/protocol/quota';
import type { Handlers } from '../protocol/handler';
import type { WorkerPrincipal } from '../protocol/principal';
import type { WorkerDeps } from '../protocol/audiences';
import type { Database } from '../store/schema';
import { openCertificate, sealCertificate } from './certificate-store';
import { quotaWorkbook } from './export';
import { quotaReport } from './report';
import {
  candidates,
  loadSettings,
  monthEntries,
  orgUser,
  recordRow,
  recordRows,
  toRecord,
  usersCount,
} from './store';

const problemWords: Record<CertificateProblem | 'required' | 'changed' | 'duplicate', string> = {
  format: 'must be 20 characters: the 18-character ID number, then the kind and grade digits',
  check_digit: 'the ID number’s check character does not match: a digit is mistyped',
  kind_mismatch: 'its 19th digit (the kind of disability) does not match the kind chosen',
  grade_mismatch: 'its last digit (the grade) does not match the grade chosen',
  required: 'is required for a new record',
  changed: 'is required again when the grade or kind changes (a re-assessment issues a new number)',
  duplicate: 'is already recorded for another worker',
};

function certificateFail(problem: keyof typeof problemWords) {
  const message = `The certificate number ${problemWords[problem]}.`;
  return fail('invalid_input', message, [{ path: ['certificateNumber'], message }]);
}

const noSuchWorker = () => fail('not_found', 'No such worker in your organisation.');
const noRecord = () => fail('not_found', 'That worker has no disability record.');

async function settingsView(db: Kysely<Database>, orgId: number): Promise<QuotaSettings> {
  const [{ parameters, updatedAt }, users] = await Promise.all([
    loadSettings(db, orgId),
    usersCount(db, orgId),
  ]);
  return {
    parameters,
    defaults: defaultQuotaParameters,
    sources: quotaParameterSources,
    usersCount: users,
    updatedAt,
  };
}

export function quotaHandlers(deps: WorkerDeps): Handlers<typeof quotaCommands, WorkerPrincipal> {
  const key = () => deps.quota.recordsKey();
  /** Null when the stored value does not open (the records key was replaced): the number is lost, not the record. */
  const readable = (sealed: string): string | null => {
    try {
      return openCertificate(key(), sealed);
    } catch {
      return null;
    }
  };

  /** Another of the org's workers holds this number: compared by opening only the rows with the same last four. */
  async function heldByAnother(db: Kysely<Database>, orgId: number, userId: number, certificate: string) {
    const same = await db
      .selectFrom('disability_records')
      .select(['user_id', 'certificate_cipher'])
      .where('org_id', '=', orgId)
      .where('certificate_last4', '=', certificateLast4(certificate))
      .where('user_id', '!=', userId)
      .execute();
    return same.some((row) => readable(row.certificate_cipher) === certificate);
  }

  return {
    'quota.people': {
      kind: 'query',
      async run(ctx) {
        const orgId = ctx.principal.user.organisation.id;
        const [rows, entries, others] = await Promise.all([
          recordRows(ctx.db, orgId),
          monthEntries(ctx.db, orgId),
          candidates(ctx.db, orgId),
        ]);
        return ok({ records: rows.map(toRecord), entries, candidates: others });
      },
    },

    'quota.savePerson': {
      kind: 'mutation',
      prepare(ctx, input) {
        const certificate =
          input.certificateNumber === undefined ? null : normaliseCertificate(input.certificateNumber);
        if (certificate !== null) {
          const problem = certificateProblem(certificate, input.grade, input.kind);
          if (problem) return Promise.resolve(async () => ({ ack: certificateFail(problem) }));
        }
        // Sealed outside the writer; a fresh IV each time, so equal numbers never look equal in the store.
        const sealed = certificate === null ? null : sealCertificate(key(), certificate);
        return Promise.resolve(async (trx) => {
          const orgId = ctx.principal.user.organisation.id;
          if (!(await orgUser(trx, orgId, input.userId))) return { ack: noSuchWorker() };
          const existing = await recordRow(trx, orgId, input.userId);
          if (!existing && certificate === null) return { ack: certificateFail('required') };
          if (
            existing &&
            certificate === null &&
            (existing.grade !== input.grade || existing.kind !== input.kind)
          ) {
            return { ack: certificateFail('changed') };
          }
          if (certificate !== null && (await heldByAnother(trx, orgId, input.userId, certificate))) {
            return { ack: certificateFail('duplicate') };
          }
          const values = {
            grade: input.grade,
            kind: input.kind,
            contract_start: input.contractStart,
            contract_end: input.contractEnd,
            updated_by: ctx.principal.user.id,
            updated_at: ctx.now,
            ...(certificate !== null && sealed !== null
              ? { certificate_cipher: sealed, certificate_last4: certificateLast4(certificate) }
              : {}),
          };
          if (existing) {
            await trx
              .updateTable('disability_records')
              .set(values)
              .where('org_id', '=', orgId)
              .where('user_id', '=', input.userId)
              .execute();
          } else if (certificate !== null && sealed !== null) {
            await trx
              .insertInto('disability_records')
              .values({
                ...values,
                user_id: input.userId,
                org_id: orgId,
                certificate_cipher: sealed,
                certificate_last4: certificateLast4(certificate),
              })
              .execute();
          }
          const row = await recordRow(trx, orgId, input.userId);
          if (!row) throw new Error('a disability record just saved is missing');
          ctx.log.info({ recordUserId: input.userId }, 'disability record saved');
          return { ack: ok({ record: toRecord(row) }) };
        });
      },
    },

    'quota.removePerson': {
      kind: 'mutation',
      prepare(ctx, input) {
        return Promise.resolve(async (trx) => {
          const orgId = ctx.principal.user.organisation.id;
          if (!(await recordRow(trx, orgId, input.userId))) return { ack: noRecord() };
          await trx
            .deleteFrom('quota_months')
            .where('org_id', '=', orgId)
            .where('user_id', '=', input.userId)
            .execute();
          await trx
            .deleteFrom('disability_records')
            .where('org_id', '=', orgId)
            .where('user_id', '=', input.userId)
            .execute();
          ctx.log.info({ recordUserId: input.userId }, 'disability record removed');
          return { ack: ok({ userId: input.userId }) };
        });
      },
    },

    'quota.saveMonth': {
      kind: 'mutation',
      prepare(ctx, input) {
        return Promise.resolve(async (trx) => {
          const orgId = ctx.principal.user.organisation.id;
          if (!(await recordRow(trx, orgId, input.userId))) return { ack: noRecord() };
          const values = {
            wage_fen: input.wageFen,
            insurance_paid: input.insurancePaid ? 1 : 0,
            updated_by: ctx.principal.user.id,
            updated_at: ctx.now,
          };
          await trx
            .insertInto('quota_months')
            .values({ ...values, org_id: orgId, user_id: input.userId, month: input.month })
            .onConflict((oc) => oc.columns(['user_id', 'month']).doUpdateSet(values))
            .execute();
          return {
            ack: ok({
              userId: input.userId,
              entry: { month: input.month, wageFen: input.wageFen, insurancePaid: input.insurancePaid },
            }),
          };
        });
      },
    },

    'quota.settings': {
      kind: 'query',
      async run(ctx) {
        return ok(await settingsView(ctx.db, ctx.principal.user.organisation.id));
      },
    },

    'quota.saveSettings': {
      kind: 'mutation',
      prepare(ctx, input) {
        const parameters: QuotaParameters = input.parameters;
        return Promise.resolve(async (trx) => {
          const orgId = ctx.principal.user.organisation.id;
          const values = {
            parameters: JSON.stringify(parameters),
            updated_by: ctx.principal.user.id,
            updated_at: ctx.now,
          };
          await trx
            .insertInto('quota_settings')
            .values({ ...values, org_id: orgId })
            .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
            .execute();
          return { ack: ok(await settingsView(trx, orgId)) };
        });
      },
    },

    'quota.report': {
      kind: 'query',
      async run(ctx, input) {
        return ok(await quotaReport(ctx.db, ctx.principal.user.organisation.id, input.year, ctx.now));
      },
    },

    /** The verification pack: the one answer that carries whole certificate numbers, for the 残联's check. */
    'quota.export': {
      kind: 'query',
      async run(ctx, input) {
        const orgId = ctx.principal.user.organisation.id;
        const report = await quotaReport(ctx.db, orgId, input.year, ctx.now);
        const rows = await recordRows(ctx.db, orgId);
        const certificates = new Map<number, string>();
        for (const row of rows) {
          const number = readable(row.certificate_cipher);
          if (number === null)
            ctx.log.warn({ recordUserId: row.user_id }, 'a certificate number does not open');
          else certificates.set(row.user_id, number);
        }
        const buffer = await quotaWorkbook(report, certificates, ctx.principal.user.organisation.name);
        ctx.log.info({ year: input.year, records: rows.length }, 'quota verification pack exported');
        return ok({
          fileName: `quota-${input.year}.xlsx`,
          mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          base64: buffer.toString('base64'),
        });
      },
    },
  };
}
