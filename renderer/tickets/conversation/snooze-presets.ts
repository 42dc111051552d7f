/** The hub refuses a snooze further ahead than this (shared/protocol/tickets.ts). */
export const maxSnoozeAheadMs = 90 * 86_400_000;

export type SnoozePreset = 'oneHour' | 'fourHours' | 'tomorrowMorning';
export const snoozePresets: readonly SnoozePreset[] = ['oneHour', 'fourHours', 'tomorrowMorning'];

/** When a preset ends, from `now`, in the worker's own time zone: "tomorrow 9:00" is their morning. */
export function snoozeUntil(preset: SnoozePreset, now: number): number {
  switch (preset) {
    case 'oneHour':
      return now + 3_600_000;
    case 'fourHours':
      return now + 4 * 3_600_000;
    case 'tomorrowMorning': {
      const date = new Date(now);
      date.setDate(date.getDate() + 1);
      date.setHours(9, 0, 0, 0);
      return date.getTime();
    }
  }
}

export type SnoozeFieldResult =
  { ok: true; until: number } | { ok: false; reason: 'empty' | 'invalid' | 'past' | 'tooFar' };

/** A `datetime-local` value ("2026-12-01T09:30", the worker's local time) checked as the hub will. */
export function parseSnoozeField(value: string, now: number): SnoozeFieldResult {
  if (value.trim() === '') return { ok: false, reason: 'empty' };
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!match) return { ok: false, reason: 'invalid' };
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const date = new Date(y, mo - 1, d, h, mi, 0, 0);
  // new Date rolls 31 February into March: such a value was never a real time.
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) {
    return { ok: false, reason: 'invalid' };
  }
  const until = date.getTime();
  if (until <= now) return { ok: false, reason: 'past' };
  if (until - now > maxSnoozeAheadMs) return { ok: false, reason: 'tooFar' };
  return { ok: true, until };
}

/** `datetime-local` text for an epoch ms, in local time: the field's starting value and its min/max. */
export function toDateTimeLocal(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
