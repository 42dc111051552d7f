import { addDays, dayKeyOf, defaultTimeZone } from '../../shared/domain/calendar';
import { idCheckCharacter, kindDigit, type DisabilityKind } from '../../shared/domain/quota/certificate';
import { call, expectOk, newId, signIn, type ClientSocket } from '../support/hub-client';

/** A certificate number whose ID check character and kind and grade digits are right. */
export function certificateFor(first17: string, kind: DisabilityKind, grade: number): string {
  return `${first17}${idCheckCharacter(first17)}${kindDigit(kind)}${grade}`;
}

/** Today in the organisation's zone (the demo's is the default), as the hub reads it. */
export function today(): string {
  return dayKeyOf(Date.now(), defaultTimeZone);
}

export function inDays(n: number): string {
  return addDays(today(), n);
}

/** The demo employer on their own socket: what the hub holds, read or set beside the UI. */
export async function withEmployer<T>(
  hubUrl: string,
  work: (socket: ClientSocket) => Promise<T>,
): Promise<T> {
  const socket = await signIn(hubUrl, 'employer', 'wings-demo');
  try {
    return await work(socket);
  } finally {
    socket.close();
  }
}

/** A worker of the demo organisation not yet recorded (the demo seeds some records of its own). */
export async function unrecordedWorker(socket: ClientSocket): Promise<{ id: number; displayName: string }> {
  const { candidates } = expectOk(await call(socket, 'quota.people', {}));
  const worker = candidates[0];
  if (!worker) throw new Error('every demo worker already has a record');
  return worker;
}

export async function recordMonths(
  socket: ClientSocket,
  userId: number,
  months: { month: string; wageFen: number | null; insurancePaid: boolean }[],
): Promise<void> {
  for (const month of months)
    expectOk(await call(socket, 'quota.saveMonth', { id: newId(), userId, ...month }));
}
