import type { types as ms } from 'mediasoup';

export interface SdpStream {
  kind: 'audio' | 'video';
  /** Where ffmpeg listens: RTP on port, RTCP on port + 1. */
  port: number;
  rtpParameters: ms.RtpParameters;
}

/**
 * The SDP ffmpeg reads to receive what the hub's consumers send it over
 * plain RTP (no ICE, no DTLS). Only the consumer's main codec is described;
 * the RTX it may also negotiate is not sent to a plain transport consumer
 * (mediasoup sends retransmissions only when the receiver NACKs).
 */
export function plainRtpSdp(ip: string, streams: SdpStream[]): string {
  const lines = ['v=0', `o=- 0 0 IN IP4 ${ip}`, 's=Wings broadcast', `c=IN IP4 ${ip}`, 't=0 0'];
  for (const stream of streams) {
    const codec = stream.rtpParameters.codecs.find((c) => !/\/(rtx|red|ulpfec)$/i.test(c.mimeType));
    if (!codec) throw new Error(`no ${stream.kind} codec to describe`);
    const name = codec.mimeType.split('/')[1] ?? codec.mimeType;
    const rate =
      codec.channels && codec.channels > 1 ? `${codec.clockRate}/${codec.channels}` : `${codec.clockRate}`;
    lines.push(`m=${stream.kind} ${stream.port} RTP/AVP ${codec.payloadType}`);
    lines.push(`a=rtcp:${stream.port + 1}`);
    lines.push(`a=rtpmap:${codec.payloadType} ${name}/${rate}`);
    const fmtp = Object.entries(codec.parameters ?? {})
      .map(([key, value]) => `${key}=${String(value)}`)
      .join(';');
    if (fmtp) lines.push(`a=fmtp:${codec.payloadType} ${fmtp}`);
    lines.push('a=recvonly');
  }
  return `${lines.join('\r\n')}\r\n`;
}
