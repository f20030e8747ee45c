// The producer of the fan-out bench, bundled (esbuild) into a headless Chromium page:
// publishes the fake camera at 1280x720 with three simulcast layers (the lead teacher's
// profile, apps/web/src/live/media-profile.ts) and the microphone. The same script serves
// both sides of the comparison; only the signaling channel differs (an exposed function
// for the bare mediasoup script, the platform's `/live` socket for Tongke). The request
// names and `{ ok, data | error }` answers are the contracts' in both cases.
import { Device, type types } from 'mediasoup-client';
import { io } from 'socket.io-client';
import {
  EXPOSED_SIGNAL_FUNCTION,
  PAGE_HOOK,
  type OutboundStreamStats,
  type PageSignal,
  type PublishConfig,
  type PublishResult,
} from './producer-page.types';

type Ack = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };
type Request = (name: string, payload: object) => Promise<Ack>;
type StatsEntry = Record<string, unknown> & { type: string };

interface PageGlobals {
  navigator: { mediaDevices: { getUserMedia(c: object): Promise<{ getTracks(): { kind: string }[] }> } };
  [EXPOSED_SIGNAL_FUNCTION]?: Request;
  [PAGE_HOOK]?: unknown;
}

const page = globalThis as unknown as PageGlobals;

const CAMERA_ENCODINGS = [
  { rid: 'r0', scaleResolutionDownBy: 4, maxBitrate: 150_000, scalabilityMode: 'L1T3' },
  { rid: 'r1', scaleResolutionDownBy: 2, maxBitrate: 500_000, scalabilityMode: 'L1T3' },
  { rid: 'r2', scaleResolutionDownBy: 1, maxBitrate: 1_200_000, scalabilityMode: 'L1T3' },
];

const SEND_SIDE_BWE_FEEDBACK = new Set(['transport-cc', 'goog-remb']);
const SEND_SIDE_BWE_EXTENSIONS = new Set([
  'http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01',
  'http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time',
]);

let sendTransport: types.Transport | undefined;

/**
 * The router's capabilities without send-side bandwidth estimation (transport-cc, REMB).
 * Under fan-out load the worker reads the page's packets later and later; with delay-based
 * estimation Chromium would take that for congestion and cut the stream mid-run, changing
 * the offered load. Without it, the rate is governed by loss only: constant unless the
 * worker really drops packets (which the bench reports).
 */
function withoutSendSideBwe(caps: types.RtpCapabilities): types.RtpCapabilities {
  return {
    codecs: (caps.codecs ?? []).map((c) => ({
      ...c,
      rtcpFeedback: (c.rtcpFeedback ?? []).filter((f) => !SEND_SIDE_BWE_FEEDBACK.has(f.type)),
    })),
    headerExtensions: (caps.headerExtensions ?? []).filter((h) => !SEND_SIDE_BWE_EXTENSIONS.has(h.uri)),
  };
}

async function socketRequest(mediaUrl: string, token: string): Promise<Request> {
  const socket = io(`${mediaUrl}/live`, { auth: { token }, transports: ['websocket'] });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err: Error & { data?: unknown }) =>
      reject(new Error(`/live connect failed: ${err.message} ${JSON.stringify(err.data ?? '')}`)),
    );
  });
  return (name, payload) => socket.timeout(15_000).emitWithAck(name, payload) as Promise<Ack>;
}

async function requester(signal: PageSignal): Promise<(name: string, payload: object) => Promise<unknown>> {
  const raw: Request =
    signal.kind === 'socket'
      ? await socketRequest(signal.mediaUrl, signal.token)
      : (name, payload) => page[EXPOSED_SIGNAL_FUNCTION]!(name, payload);
  return async (name, payload) => {
    const res = await raw(name, payload);
    if (!res.ok) throw new Error(`${name} refused: ${res.error.code} ${res.error.message}`);
    return res.data;
  };
}

async function publish(config: PublishConfig): Promise<PublishResult> {
  const call = await requester(config.signal);
  const { rtpCapabilities } = (await call('router:capabilities', {})) as { rtpCapabilities: types.RtpCapabilities };
  const device = new Device();
  await device.load({ routerRtpCapabilities: withoutSendSideBwe(rtpCapabilities) });
  const info = (await call('transport:create', { direction: 'send' })) as types.TransportOptions;
  const transport = device.createSendTransport(info);
  sendTransport = transport;
  transport.on('connect', ({ dtlsParameters }, done, fail) => {
    call('transport:connect', { transportId: transport.id, dtlsParameters }).then(() => done(), fail);
  });
  transport.on('produce', ({ kind, rtpParameters, appData }, done, fail) => {
    const req = { transportId: transport.id, kind, source: appData.source, rtpParameters };
    call('producer:create', req).then((d) => done({ id: (d as { producerId: string }).producerId }), fail);
  });
  // Every participant has a receive transport before joining (the lead receives no one here, so it stays idle).
  const recv = (await call('transport:create', { direction: 'recv' })) as types.TransportOptions;
  device.createRecvTransport(recv);
  await call('room:join', { rtpCapabilities: device.rtpCapabilities });
  const stream = await page.navigator.mediaDevices.getUserMedia({
    video: { width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 25, max: 30 } },
    audio: config.audio,
  });
  const track = (kind: string) => stream.getTracks().find((t) => t.kind === kind) as never;
  const vp8 = device.rtpCapabilities.codecs?.find((c) => c.mimeType.toLowerCase() === 'video/vp8');
  const video = await transport.produce({
    track: track('video'),
    encodings: CAMERA_ENCODINGS,
    // Start at the full rate (the layers' caps add up to 1.85 Mbit/s) instead of ramping up for ~10 s.
    codecOptions: { videoGoogleStartBitrate: 1900 },
    codec: vp8,
    appData: { source: 'camera' },
  });
  const audio = config.audio ? await transport.produce({ track: track('audio'), appData: { source: 'mic' } }) : null;
  return { videoProducerId: video.id, audioProducerId: audio?.id };
}

function outboundEntry(s: StatsEntry, remote: Map<string, StatsEntry>): OutboundStreamStats {
  const r = remote.get(String(s.id));
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
  return {
    kind: String(s.kind),
    rid: typeof s.rid === 'string' ? s.rid : undefined,
    bytesSent: num(s.bytesSent) ?? 0,
    packetsSent: num(s.packetsSent) ?? 0,
    retransmittedPacketsSent: num(s.retransmittedPacketsSent) ?? 0,
    nackCount: num(s.nackCount) ?? 0,
    frameWidth: num(s.frameWidth),
    frameHeight: num(s.frameHeight),
    framesPerSecond: num(s.framesPerSecond),
    qualityLimitationReason: typeof s.qualityLimitationReason === 'string' ? s.qualityLimitationReason : undefined,
    remotePacketsLost: num(r?.packetsLost),
    remoteFractionLost: num(r?.fractionLost),
  };
}

/** The page's outbound RTP streams (per simulcast layer) with the worker's loss reports. */
async function outboundStats(): Promise<OutboundStreamStats[]> {
  if (!sendTransport) return [];
  const entries: StatsEntry[] = [];
  (await sendTransport.getStats()).forEach((s: StatsEntry) => entries.push(s));
  const remote = new Map(
    entries.filter((s) => s.type === 'remote-inbound-rtp').map((s) => [String(s.localId), s] as const),
  );
  return entries.filter((s) => s.type === 'outbound-rtp').map((s) => outboundEntry(s, remote));
}

page[PAGE_HOOK] = { publish, outboundStats };
