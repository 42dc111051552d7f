import type { SendStats } from '../../shared/protocol/media';

/** Loss above this fraction makes the picture break up for viewers. */
export const poorLossFraction = 0.05;
/** mediasoup's producer score (0–10) below this: the SFU sees a bad stream. */
export const poorScore = 5;
/** Under this share of the preset's target the encoder has backed off hard (a starved uplink). */
export const poorBitrateShare = 0.3;

export type NetworkProblem = 'loss' | 'score' | 'bitrate';

/**
 * Why the anchor's network is poor now, empty when it is fine. The bitrate
 * rule waits for `warmedUp` (the first seconds ramp up from nothing), so a
 * fresh broadcast does not start with a warning.
 */
export function networkProblems(
  stats: SendStats | null,
  targetBps: number,
  warmedUp: boolean,
): readonly NetworkProblem[] {
  if (stats === null) return [];
  const problems: NetworkProblem[] = [];
  if (stats.packetLoss > poorLossFraction) problems.push('loss');
  if (stats.score < poorScore) problems.push('score');
  if (warmedUp && targetBps > 0 && stats.bitrate < targetBps * poorBitrateShare) problems.push('bitrate');
  return problems;
}
