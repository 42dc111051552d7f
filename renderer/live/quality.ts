/**
 * The camera's quality presets and the simulcast layers each sends: three
 * layers at a quarter, half and full size, so mediasoup can give every viewer
 * the layer their bandwidth carries (a phone on 4G gets the small one).
 */
export const qualityPresets = ['720p', '1080p'] as const;
export type QualityPreset = (typeof qualityPresets)[number];
export const defaultQuality: QualityPreset = '720p';

export interface QualitySpec {
  width: number;
  height: number;
  frameRate: number;
  /** Bits per second of each layer, smallest first. */
  layerBitrates: readonly [number, number, number];
}

export const qualitySpecs: Record<QualityPreset, QualitySpec> = {
  '720p': { width: 1280, height: 720, frameRate: 30, layerBitrates: [150_000, 500_000, 1_500_000] },
  '1080p': { width: 1920, height: 1080, frameRate: 30, layerBitrates: [200_000, 800_000, 3_000_000] },
};

export interface SimulcastEncoding {
  rid: string;
  scaleResolutionDownBy: number;
  maxBitrate: number;
}

export function simulcastEncodings(preset: QualityPreset): SimulcastEncoding[] {
  const [low, mid, high] = qualitySpecs[preset].layerBitrates;
  return [
    { rid: 'r0', scaleResolutionDownBy: 4, maxBitrate: low },
    { rid: 'r1', scaleResolutionDownBy: 2, maxBitrate: mid },
    { rid: 'r2', scaleResolutionDownBy: 1, maxBitrate: high },
  ];
}

/** What all layers together aim at: the poor-network rule compares the SFU's figure with it. */
export function targetBitrate(preset: QualityPreset): number {
  return qualitySpecs[preset].layerBitrates.reduce((sum, layer) => sum + layer, 0);
}

export function videoConstraints(preset: QualityPreset, deviceId: string | null): MediaTrackConstraints {
  const spec = qualitySpecs[preset];
  return {
    ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
    width: { ideal: spec.width },
    height: { ideal: spec.height },
    frameRate: { ideal: spec.frameRate },
  };
}

export function audioConstraints(deviceId: string | null): MediaTrackConstraints {
  return {
    ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
    echoCancellation: true,
    noiseSuppression: true,
    autoGainControl: true,
  };
}
