/**
 * How far this computer's clock is from the hub's, from one round trip: the
 * hub read its clock somewhere between sending and receiving, so the middle
 * of the round trip is the best guess of "the same moment" here. Positive:
 * the hub is ahead. Shift clock-in times are checked against the hub's clock,
 * so a worker is told before a wrong clock makes their records look odd.
 */
export function clockSkewMs(sentAt: number, receivedAt: number, serverTime: number): number {
  return serverTime - Math.round((sentAt + receivedAt) / 2);
}

/** Beyond this the difference is worth telling the worker (and, later, flagging for the supervisor). */
export const noticeableSkewMs = 2 * 60_000;

export function isNoticeableSkew(skewMs: number): boolean {
  return Math.abs(skewMs) > noticeableSkewMs;
}
