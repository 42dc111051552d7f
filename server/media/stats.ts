import type { types as ms } from 'mediasoup';
import type { SendStats } from '../../shared/protocol/media';

/**
 * The anchor's outgoing media as the hub receives it. Bitrate sums every
 * simulcast layer (and the voice, when given); loss is the RTCP fraction
 * of the last interval (0–255 on the wire), weighted by each layer's
 * packets so a quiet low layer does not swamp the main one; the score is
 * the mean of the video layers' scores, 0–10.
 */
export function sendStatsFrom(video: ms.ProducerStat[], audio: ms.ProducerStat[] = []): SendStats {
  const bitrate = [...video, ...audio].reduce((sum, s) => sum + Math.max(0, s.bitrate), 0);
  const streams = video.length > 0 ? video : audio;
  const packets = streams.reduce((sum, s) => sum + Math.max(0, s.packetCount), 0);
  const weighted = streams.reduce(
    (sum, s) => sum + clamp(s.fractionLost / 256, 0, 1) * Math.max(1, s.packetCount),
    0,
  );
  const weights = streams.reduce((sum, s) => sum + Math.max(1, s.packetCount), 0);
  const packetLoss = streams.length === 0 || packets === 0 ? 0 : clamp(weighted / weights, 0, 1);
  const score =
    video.length === 0 ? 0 : clamp(video.reduce((sum, s) => sum + s.score, 0) / video.length, 0, 10);
  return { bitrate: Math.round(bitrate), packetLoss, score };
}

function clamp(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) return min;
  return Math.min(max, Math.max(min, value));
}
