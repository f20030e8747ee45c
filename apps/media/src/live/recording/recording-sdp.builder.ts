import type { types } from 'mediasoup';

/** One stream a recorder's ffmpeg receives: where it listens and what the consumer sends. */
export interface SdpStream {
  kind: 'audio' | 'video';
  port: number;
  rtcpPort: number;
  rtpParameters: types.RtpParameters;
}

/**
 * The SDP file a recorder's ffmpeg opens (`-protocol_whitelist file,udp,rtp -i take.sdp`): one
 * m-line per consumer, plain RTP/AVP on loopback, RTCP on its own port, the consumer's codec
 * with its payload type, clock rate, channels and fmtp parameters.
 */
export class RecordingSdpBuilder {
  static build(streams: SdpStream[]): string {
    if (streams.length === 0) throw new Error('an SDP needs at least one stream');
    const lines = ['v=0', 'o=- 0 0 IN IP4 127.0.0.1', 's=Tongke recording', 'c=IN IP4 127.0.0.1', 't=0 0'];
    for (const stream of streams) lines.push(...RecordingSdpBuilder.media(stream));
    return `${lines.join('\r\n')}\r\n`;
  }

  private static media({ kind, port, rtcpPort, rtpParameters }: SdpStream): string[] {
    const codec = rtpParameters.codecs[0];
    if (!codec) throw new Error(`the ${kind} consumer has no codec`);
    const [, name] = codec.mimeType.split('/');
    const channels = kind === 'audio' && codec.channels && codec.channels > 1 ? `/${codec.channels}` : '';
    const lines = [
      `m=${kind} ${port} RTP/AVP ${codec.payloadType}`,
      `a=rtcp:${rtcpPort}`,
      `a=rtpmap:${codec.payloadType} ${name}/${codec.clockRate}${channels}`,
    ];
    const fmtp = Object.entries(codec.parameters ?? {})
      .filter(([, value]) => value !== undefined && value !== null && value !== '')
      .map(([key, value]) => `${key}=${String(value)}`);
    if (fmtp.length) lines.push(`a=fmtp:${codec.payloadType} ${fmtp.join(';')}`);
    lines.push('a=recvonly');
    return lines;
  }
}
