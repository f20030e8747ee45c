import type { types } from 'mediasoup';
import { RecordingSdpBuilder } from './recording-sdp.builder';

const opus = {
  codecs: [
    { mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2, parameters: { useinbandfec: 1 } },
  ],
  encodings: [{ ssrc: 1 }],
} as types.RtpParameters;
const vp8 = {
  codecs: [{ mimeType: 'video/VP8', payloadType: 101, clockRate: 90000, parameters: {} }],
  encodings: [{ ssrc: 2 }],
} as types.RtpParameters;
const h264 = {
  codecs: [
    {
      mimeType: 'video/H264',
      payloadType: 107,
      clockRate: 90000,
      parameters: { 'packetization-mode': 1, 'profile-level-id': '42e01f', 'level-asymmetry-allowed': 1 },
    },
  ],
  encodings: [{ ssrc: 3 }],
} as types.RtpParameters;

describe(RecordingSdpBuilder.name, () => {
  it('writes one plain RTP m-line per stream on loopback, RTCP on its own port', () => {
    const sdp = RecordingSdpBuilder.build([
      { kind: 'audio', port: 20000, rtcpPort: 20001, rtpParameters: opus },
      { kind: 'video', port: 20002, rtcpPort: 20003, rtpParameters: vp8 },
    ]);
    expect(sdp.split('\r\n')).toEqual([
      'v=0',
      'o=- 0 0 IN IP4 127.0.0.1',
      's=Tongke recording',
      'c=IN IP4 127.0.0.1',
      't=0 0',
      'm=audio 20000 RTP/AVP 100',
      'a=rtcp:20001',
      'a=rtpmap:100 opus/48000/2',
      'a=fmtp:100 useinbandfec=1',
      'a=recvonly',
      'm=video 20002 RTP/AVP 101',
      'a=rtcp:20003',
      'a=rtpmap:101 VP8/90000',
      'a=recvonly',
      '',
    ]);
  });

  it("carries H264's fmtp parameters", () => {
    const sdp = RecordingSdpBuilder.build([{ kind: 'video', port: 20010, rtcpPort: 20011, rtpParameters: h264 }]);
    expect(sdp).toContain('a=rtpmap:107 H264/90000\r\n');
    expect(sdp).toContain('a=fmtp:107 packetization-mode=1;profile-level-id=42e01f;level-asymmetry-allowed=1\r\n');
  });

  it('refuses an empty stream list or a consumer without codec', () => {
    expect(() => RecordingSdpBuilder.build([])).toThrow('at least one stream');
    const none = { codecs: [], encodings: [] } as unknown as types.RtpParameters;
    expect(() => RecordingSdpBuilder.build([{ kind: 'audio', port: 1, rtcpPort: 2, rtpParameters: none }])).toThrow(
      'no codec',
    );
  });
});
