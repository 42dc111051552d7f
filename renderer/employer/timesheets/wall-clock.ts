import { dayKeyOf, zoneOffsetMinutes } from '../../../shared/domain/calendar';

const localPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** An instant as a `datetime-local` value in the organisation's zone ("2026-12-01T09:30"). */
export function toWallInput(ms: number, timeZone: string): string {
  const offset = zoneOffsetMinutes(ms, timeZone);
  const local = new Date(ms + offset * 60_000);
  const hh = String(local.getUTCHours()).padStart(2, '0');
  const mm = String(local.getUTCMinutes()).padStart(2, '0');
  return `${dayKeyOf(ms, timeZone)}T${hh}:${mm}`;
}

/** A `datetime-local` value read as wall time in the zone; null when it is not one. */
export function fromWallInput(value: string, timeZone: string): number | null {
  const m = localPattern.exec(value);
  if (!m) return null;
  const guess = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (Number.isNaN(guess)) return null;
  // The offset at the guess, then at the corrected instant: right across a DST change too.
  const first = guess - zoneOffsetMinutes(guess, timeZone) * 60_000;
  return guess - zoneOffsetMinutes(first, timeZone) * 60_000;
}
