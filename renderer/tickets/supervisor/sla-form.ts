import { maxSlaTargetMs, slaTargetsSchema, type SlaTargets } from '../../../shared/domain/tickets/sla';
import { ticketPriorities, type TicketPriority } from '../../../shared/domain/tickets/ticket-status';

export const slaUnits = ['minutes', 'hours'] as const;
export type SlaUnit = (typeof slaUnits)[number];
export const slaClocks = ['firstResponse', 'resolution'] as const;
export type SlaClockName = (typeof slaClocks)[number];

const unitMs: Record<SlaUnit, number> = { minutes: 60_000, hours: 3_600_000 };

/** One target as the form holds it: the digits as typed, and their unit. */
export interface SlaField {
  amount: string;
  unit: SlaUnit;
}
export type SlaForm = Record<TicketPriority, Record<SlaClockName, SlaField>>;

/** Why a field is refused; the view words it. */
export type SlaFieldError = 'notWholeNumber' | 'tooLong' | 'firstAfterResolution';
export type SlaErrors = Partial<Record<`${TicketPriority}.${SlaClockName}`, SlaFieldError>>;

/** Most to least pressing, as a supervisor reads them. */
export const priorityOrder: readonly TicketPriority[] = [...ticketPriorities].sort(
  (a, b) => rank(a) - rank(b),
);
function rank(priority: TicketPriority): number {
  return { urgent: 0, high: 1, normal: 2, low: 3 }[priority];
}

/** In hours when it is a whole number of them, else in minutes: "4 h", "90 min". */
export function toField(ms: number): SlaField {
  if (ms % unitMs.hours === 0) return { amount: String(ms / unitMs.hours), unit: 'hours' };
  return { amount: String(Math.round(ms / unitMs.minutes)), unit: 'minutes' };
}

export function toForm(targets: SlaTargets): SlaForm {
  const form = {} as SlaForm;
  for (const priority of ticketPriorities) {
    const target = targets[priority];
    form[priority] = {
      firstResponse: toField(target.firstResponseMs),
      resolution: toField(target.resolutionMs),
    };
  }
  return form;
}

/** Digits only (Western or full-width, as a Chinese keyboard may type them), at least 1. */
function parseAmount(text: string): number | null {
  const digits = text.trim().replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
  if (!/^\d{1,7}$/.test(digits)) return null;
  const value = Number(digits);
  return value >= 1 ? value : null;
}

/**
 * The targets the form says, checked as the hub will check them
 * (`slaTargetsSchema`): whole positive numbers, at most 30 days, and a first
 * response no later than the resolution. Errors name the field at fault.
 */
export function fromForm(
  form: SlaForm,
): { ok: true; targets: SlaTargets } | { ok: false; errors: SlaErrors } {
  const errors: SlaErrors = {};
  const raw = {} as Record<TicketPriority, { firstResponseMs: number; resolutionMs: number }>;
  for (const priority of ticketPriorities) {
    const ms = {} as Record<SlaClockName, number>;
    for (const clock of slaClocks) {
      const field = form[priority][clock];
      const amount = parseAmount(field.amount);
      if (amount === null) {
        errors[`${priority}.${clock}`] = 'notWholeNumber';
        ms[clock] = 0;
        continue;
      }
      ms[clock] = amount * unitMs[field.unit];
      if (ms[clock] > maxSlaTargetMs) errors[`${priority}.${clock}`] = 'tooLong';
    }
    raw[priority] = { firstResponseMs: ms.firstResponse, resolutionMs: ms.resolution };
    // Said even while another field is wrong: every refusal at once, not one per Save.
    const bothRead = !errors[`${priority}.firstResponse`] && !errors[`${priority}.resolution`];
    if (bothRead && ms.firstResponse > ms.resolution)
      errors[`${priority}.firstResponse`] = 'firstAfterResolution';
  }
  if (Object.keys(errors).length === 0) {
    const parsed = slaTargetsSchema.safeParse(raw);
    if (parsed.success) return { ok: true, targets: parsed.data };
    for (const issue of parsed.error.issues) {
      const [priority, field] = issue.path;
      if (typeof priority !== 'string' || !(ticketPriorities as readonly string[]).includes(priority))
        continue;
      const clock: SlaClockName = field === 'resolutionMs' ? 'resolution' : 'firstResponse';
      // The checks above leave one rule for the schema to find: the order of the two clocks.
      errors[`${priority as TicketPriority}.${clock}`] ??=
        issue.code === 'custom' ? 'firstAfterResolution' : 'notWholeNumber';
    }
    // Never "no" without saying where: a refusal the loop could not place falls on the first field.
    if (Object.keys(errors).length === 0) errors['urgent.firstResponse'] = 'notWholeNumber';
  }
  return { ok: false, errors };
}

/** The largest amount a unit allows, for the field's hint. */
export function maxAmount(unit: SlaUnit): number {
  return Math.floor(maxSlaTargetMs / unitMs[unit]);
}
