import type { types as ms } from 'mediasoup';

/**
 * What every broadcast's router speaks: opus for the voice, VP8 and
 * baseline H264 for the picture (a browser without VP8 hardware, or an
 * RTMP platform that wants H264, still finds a codec in common).
 */
export const mediaCodecs: ms.RouterRtpCodecCapability[] = [
  { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 },
  {
    kind: 'video',
    mimeType: 'video/VP8',
    clockRate: 90000,
    parameters: { 'x-google-start-bitrate': 1000 },
  },
  {
    kind: 'video',
    mimeType: 'video/H264',
    clockRate: 90000,
    parameters: {
      'packetization-mode': 1,
      'profile-level-id': '42e01f',
      'level-asymmetry-allowed': 1,
      'x-google-start-bitrate': 1000,
    },
  },
];

/**
 * Plain RTP ingest (tests and benches feed the room from ffmpeg): fixed
 * payload types and SSRCs the sender is told to use.
 */
export const plainIngest = {
  audio: { payloadType: 100, ssrc: 11111111 },
  video: { payloadType: 101, ssrc: 22222222 },
} as const;

export function plainAudioParameters(): ms.RtpParameters {
  return {
    codecs: [
      {
        mimeType: 'audio/opus',
        payloadType: plainIngest.audio.payloadType,
        clockRate: 48000,
        channels: 2,
        parameters: { 'sprop-stereo': 1 },
      },
    ],
    encodings: [{ ssrc: plainIngest.audio.ssrc }],
  };
}

export function plainVideoParameters(): ms.RtpParameters {
  return {
    codecs: [{ mimeType: 'video/VP8', payloadType: plainIngest.video.payloadType, clockRate: 90000 }],
    encodings: [{ ssrc: plainIngest.video.ssrc }],
  };
}
