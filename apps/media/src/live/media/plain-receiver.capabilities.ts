import type { types } from 'mediasoup';

const BWE_FEEDBACK = new Set(['transport-cc', 'goog-remb']);
const BWE_HEADER_EXTENSIONS = new Set([
  'http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01',
  'http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time',
]);

/**
 * What a plain receiver (recorder, broadcast relay, benchmark sink) can take: the router's codecs
 * and header extensions without bandwidth-estimation feedback. Such receivers never send
 * transport-cc or REMB feedback, and with them negotiated the worker would estimate almost no
 * bandwidth and drop the stream to its lowest layer.
 */
export function plainReceiverCapabilities(router: types.RtpCapabilities): types.RtpCapabilities {
  return {
    codecs: (router.codecs ?? []).map((codec) => ({
      ...codec,
      rtcpFeedback: (codec.rtcpFeedback ?? []).filter((fb) => !BWE_FEEDBACK.has(fb.type)),
    })),
    headerExtensions: (router.headerExtensions ?? []).filter((ext) => !BWE_HEADER_EXTENSIONS.has(ext.uri)),
  };
}
