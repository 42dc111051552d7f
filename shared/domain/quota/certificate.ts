/**
 * The disability certificate number (《中华人民共和国残疾人证》, second
 * generation): the holder's 18-character resident ID, then one digit for the
 * kind of disability and one for the grade. The hub stores it encrypted; the
 * screen and every answer show only the masked form built from the last four.
 */

export const disabilityKinds = [
  'visual',
  'hearing',
  'speech',
  'physical',
  'intellectual',
  'mental',
  'multiple',
] as const;
export type DisabilityKind = (typeof disabilityKinds)[number];

/** The certificate's kind digit: 1 视力 2 听力 3 言语 4 肢体 5 智力 6 精神 7 多重. */
export function kindDigit(kind: DisabilityKind): string {
  return String(disabilityKinds.indexOf(kind) + 1);
}

export const certificateLength = 20;
const certificatePattern = /^\d{17}[\dX]\d{2}$/;

/** GB 11643: the ID's last character is its ISO 7064 MOD 11-2 check over the first 17 digits. */
export function idCheckCharacter(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (weights[i] ?? 0);
  return '10X98765432'[sum % 11] ?? '';
}

/** Upper-cases the check letter and drops spaces people type between groups. */
export function normaliseCertificate(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

export type CertificateProblem = 'format' | 'check_digit' | 'kind_mismatch' | 'grade_mismatch';

/** Why a (normalised) certificate number cannot be right for this grade and kind, or null. */
export function certificateProblem(
  certificate: string,
  grade: number,
  kind: DisabilityKind,
): CertificateProblem | null {
  if (!certificatePattern.test(certificate)) return 'format';
  if (idCheckCharacter(certificate.slice(0, 17)) !== certificate[17]) return 'check_digit';
  if (certificate[18] !== kindDigit(kind)) return 'kind_mismatch';
  if (certificate[19] !== String(grade)) return 'grade_mismatch';
  return null;
}

export function certificateLast4(certificate: string): string {
  return certificate.slice(-4);
}

/** What leaves the hub: stars for all but the last four. */
export function maskCertificate(last4: string): string {
  return '*'.repeat(certificateLength - last4.length) + last4;
}
