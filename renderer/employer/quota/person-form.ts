import { isDayKey } from '../../../shared/domain/calendar';
import {
  certificateProblem,
  normaliseCertificate,
  type CertificateProblem,
} from '../../../shared/domain/quota/certificate';
import { disabilityKinds, type DisabilityKind, type DisabilityRecord } from '../../../shared/protocol/quota';
import type { SavePersonInput } from './people-store';

/** The record form as typed: every field its text, so a refused field keeps what was typed. */
export interface PersonForm {
  userId: string;
  grade: string;
  kind: string;
  /** Write-only: empty when editing means "keep the stored number". */
  certificate: string;
  contractStart: string;
  openEnded: boolean;
  contractEnd: string;
}

export type PersonField = 'userId' | 'grade' | 'kind' | 'certificate' | 'contractStart' | 'contractEnd';
export type PersonFieldError =
  'required' | 'notDay' | 'endBeforeStart' | 'certificateNeeded' | `certificate_${CertificateProblem}`;
export type PersonErrors = Partial<Record<PersonField, PersonFieldError>>;

export const emptyPersonForm: PersonForm = {
  userId: '',
  grade: '',
  kind: '',
  certificate: '',
  contractStart: '',
  openEnded: false,
  contractEnd: '',
};

export function personToForm(record: DisabilityRecord): PersonForm {
  return {
    userId: String(record.user.id),
    grade: String(record.grade),
    kind: record.kind,
    certificate: '',
    contractStart: record.contractStart,
    openEnded: record.contractEnd === null,
    contractEnd: record.contractEnd ?? '',
  };
}

function isKind(value: string): value is DisabilityKind {
  return (disabilityKinds as readonly string[]).includes(value);
}

/**
 * The save the form says, checked as the hub checks it: a worker, a grade
 * 1–4, a kind, a certificate number whose ID check digit and kind and grade
 * digits agree (required for a new record and when the grade or kind
 * changes, since a re-assessment issues a new number), a contract start and
 * an end on or after it unless open-ended. Every refusal at once.
 */
export function personFromForm(
  form: PersonForm,
  stored: DisabilityRecord | null,
): { ok: true; input: SavePersonInput } | { ok: false; errors: PersonErrors } {
  const errors: PersonErrors = {};
  const userId = /^\d+$/.test(form.userId) ? Number(form.userId) : null;
  if (userId === null || userId <= 0) errors.userId = 'required';
  const grade = /^[1-4]$/.test(form.grade) ? Number(form.grade) : null;
  if (grade === null) errors.grade = 'required';
  const kind = isKind(form.kind) ? form.kind : null;
  if (kind === null) errors.kind = 'required';

  const certificate = normaliseCertificate(form.certificate);
  const reassessed = stored !== null && (stored.grade !== grade || stored.kind !== kind);
  if (certificate === '') {
    if (stored === null) errors.certificate = 'required';
    else if (reassessed && grade !== null && kind !== null) errors.certificate = 'certificateNeeded';
  } else if (grade !== null && kind !== null) {
    const problem = certificateProblem(certificate, grade, kind);
    if (problem) errors.certificate = `certificate_${problem}`;
  }

  const start = form.contractStart.trim();
  if (start === '') errors.contractStart = 'required';
  else if (!isDayKey(start)) errors.contractStart = 'notDay';
  const end = form.openEnded ? null : form.contractEnd.trim();
  if (end !== null) {
    if (end === '') errors.contractEnd = 'required';
    else if (!isDayKey(end)) errors.contractEnd = 'notDay';
    else if (!errors.contractStart && end < start) errors.contractEnd = 'endBeforeStart';
  }

  if (Object.keys(errors).length > 0 || userId === null || grade === null || kind === null)
    return { ok: false, errors };
  return {
    ok: true,
    input: {
      userId,
      grade,
      kind,
      ...(certificate === '' ? {} : { certificateNumber: certificate }),
      contractStart: start,
      contractEnd: end,
    },
  };
}
