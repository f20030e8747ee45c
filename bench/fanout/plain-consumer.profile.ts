import { randomBytes } from 'node:crypto';
import type { types } from 'mediasoup';

/** The SRTP suite of every plain consumer, on both sides. */
export const PLAIN_SRTP_SUITE: types.SrtpCryptoSuite = 'AES_CM_128_HMAC_SHA1_80';

/** Transport options of one plain consumer: SRTP, RTP and RTCP on one port, we name the destination. */
export const PLAIN_TRANSPORT_OPTIONS: types.PlainTransportOptions = {
  listenIp: { ip: '127.0.0.1' },
  rtcpMux: true,
  comedia: false,
  enableSrtp: true,
  srtpCryptoSuite: PLAIN_SRTP_SUITE,
};

/** SRTP parameters the (never answering) sink would use: a random 30-byte master key and salt. */
export function sinkSrtpParameters(): types.SrtpParameters {
  return { cryptoSuite: PLAIN_SRTP_SUITE, keyBase64: randomBytes(30).toString('base64') };
}

const BWE_FEEDBACK = new Set(['transport-cc', 'goog-remb']);
const BWE_EXTENSIONS = new Set([
  'http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01',
  'http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time',
]);

/**
 * What a browser-style receiver advertises (the router's codecs with RTX, NACK, PLI, FIR
 * and the other header extensions) minus bandwidth estimation: a sink never sends
 * feedback, so with transport-cc or REMB the worker would estimate ~nothing and drop the
 * consumer to a lower layer. Without them the consumer forwards its preferred layer.
 */
export function plainConsumerCapabilities(router: types.RtpCapabilities): types.RtpCapabilities {
  return {
    codecs: (router.codecs ?? []).map((c) => ({
      ...c,
      rtcpFeedback: (c.rtcpFeedback ?? []).filter((f) => !BWE_FEEDBACK.has(f.type)),
    })),
    headerExtensions: (router.headerExtensions ?? []).filter((h) => !BWE_EXTENSIONS.has(h.uri)),
  };
}
