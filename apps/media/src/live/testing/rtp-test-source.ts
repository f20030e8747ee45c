import { randomInt } from 'node:crypto';
import type { types } from 'mediasoup';
import type { ProducerEntry, TransportEntry } from '../media/media-entries';
import type { Peer } from '../rooms/peer';
import type { Room } from '../rooms/room';
import { FfmpegProcess } from '../recording/ffmpeg-process.adapter';

export interface RtpTestSourceOptions {
  /** The video's source: the camera (with the mic for audio) or a screen share. Default camera. */
  source?: 'camera' | 'screen';
  /** Publish a mic track (a sine tone). Default true for the camera, false for a screen. */
  audio?: boolean;
  /** Publish the video track (ffmpeg's testsrc2 pattern). Default true. */
  video?: boolean;
  width?: number;
  height?: number;
  fps?: number;
  /** VP8 target bitrate in kbit/s. Default 600. */
  videoKbps?: number;
  /** Seconds between keyframes (ffmpeg does not answer PLI, so it sends them on its own). Default 1. */
  keyframeS?: number;
  /** The ffmpeg binary. Default `ffmpeg`. */
  ffmpegPath?: string;
  /**
   * Send this WebM/Matroska file (VP8 video, Opus audio) in a loop, as it is, instead of encoding a
   * test pattern live: a realistic stream that costs the sender almost no CPU (benchmarks).
   * The size, rate and keyframe options do not apply then.
   */
  clip?: string;
}

export interface RtpTestSource {
  /** The producers, registered in the room as `peer`'s tracks (video first, then the mic). */
  producers: ProducerEntry[];
  /** The ffmpeg process id (for measurements). */
  pid: number | undefined;
  /** Stops ffmpeg and closes the producers and their transports. */
  stop(): Promise<void>;
}

const VIDEO_PT = 101;
const AUDIO_PT = 100;

interface Track {
  kind: 'audio' | 'video';
  entry: TransportEntry;
  ssrc: number;
}

/**
 * Publishes a synthetic camera (or screen) and mic as `peer`: ffmpeg encodes testsrc2 (VP8,
 * realtime) and a sine tone (Opus) and sends RTP + RTCP sender reports to comedia plain
 * transports on the room's router; the producers are adopted as `peer`'s own
 * (ProducerManager.adopt), so consumers and the recorder treat them exactly like a browser's.
 */
export async function startRtpTestSource(
  room: Room,
  peer: Peer,
  options: RtpTestSourceOptions = {},
): Promise<RtpTestSource> {
  const source = options.source ?? 'camera';
  const kinds: ('audio' | 'video')[] = [];
  if (options.video ?? true) kinds.push('video');
  if (options.audio ?? source === 'camera') kinds.push('audio');
  if (kinds.length === 0) throw new Error('an RTP test source needs audio or video');
  const cname = `rtp-test-${randomInt(1e9)}`;
  const tracks = await room.exclusive(async () => {
    const made: Track[] = [];
    for (const kind of kinds) {
      const entry = await room.transportOps.createLocalRtp(peer.id, `RTP test ${kind} ingest of ${peer.id}`);
      made.push({ kind, entry, ssrc: randomInt(1, 2 ** 31) });
    }
    return made;
  });
  const ffmpeg = FfmpegProcess.start({
    binary: options.ffmpegPath ?? 'ffmpeg',
    args: ffmpegArgs(tracks, cname, options),
  });
  try {
    const producers = await room.exclusive(async () => {
      const adopted: ProducerEntry[] = [];
      for (const t of tracks) {
        const rtpParameters = rtpParametersOf(t, cname);
        const trackSource = t.kind === 'audio' ? 'mic' : source;
        adopted.push(await room.producerOps.adopt(peer, t.entry, { kind: t.kind, source: trackSource, rtpParameters }));
      }
      return adopted;
    });
    return { producers, pid: ffmpeg.pid, stop: () => stopSource(room, ffmpeg, tracks) };
  } catch (err) {
    await stopSource(room, ffmpeg, tracks);
    throw err;
  }
}

async function stopSource(room: Room, ffmpeg: FfmpegProcess, tracks: Track[]): Promise<void> {
  await ffmpeg.stop(0, 3000);
  if (room.closed) return;
  await room.exclusive(() => {
    for (const t of tracks) room.transportOps.close(t.entry, 'test_source_stopped');
  });
}

function rtpParametersOf(t: Track, cname: string): Record<string, unknown> {
  const codec =
    t.kind === 'audio'
      ? { mimeType: 'audio/opus', payloadType: AUDIO_PT, clockRate: 48000, channels: 2 }
      : { mimeType: 'video/VP8', payloadType: VIDEO_PT, clockRate: 90000 };
  return { codecs: [codec], encodings: [{ ssrc: t.ssrc }], rtcp: { cname, reducedSize: false } };
}

function rtpUrl(entry: TransportEntry): string {
  const transport = entry.transport as types.PlainTransport;
  const rtcpPort = transport.rtcpTuple?.localPort ?? transport.tuple.localPort;
  return `rtp://127.0.0.1:${transport.tuple.localPort}?rtcpport=${rtcpPort}&pkt_size=1200`;
}

/** One ffmpeg: lavfi inputs (or the clip), one RTP output per track. */
function ffmpegArgs(tracks: Track[], cname: string, o: RtpTestSourceOptions): string[] {
  if (o.clip) return clipArgs(tracks, cname, o.clip);
  const [width, height, fps] = [o.width ?? 320, o.height ?? 240, o.fps ?? 15];
  const args = ['-hide_banner', '-loglevel', 'error', '-re'];
  args.push('-f', 'lavfi', '-i', `testsrc2=size=${width}x${height}:rate=${fps}`);
  args.push('-re', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000');
  for (const t of tracks) {
    if (t.kind === 'video') {
      const gop = String(Math.max(1, Math.round((o.keyframeS ?? 1) * fps)));
      const kbps = o.videoKbps ?? 600;
      args.push('-map', '0:v', '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-threads', '1');
      args.push('-b:v', `${kbps}k`, '-maxrate', `${kbps}k`, '-bufsize', `${kbps}k`, '-g', gop, '-keyint_min', gop);
      args.push('-auto-alt-ref', '0', '-error-resilient', '1', '-pix_fmt', 'yuv420p');
      args.push('-payload_type', String(VIDEO_PT));
    } else {
      args.push('-map', '1:a', '-c:a', 'libopus', '-b:a', '48k', '-ac', '2', '-application', 'lowdelay');
      args.push('-payload_type', String(AUDIO_PT));
    }
    args.push('-ssrc', String(t.ssrc), '-cname', cname, '-f', 'rtp', rtpUrl(t.entry));
  }
  return args;
}

/** The clip looped at its own pace, each track copied into its RTP output. */
function clipArgs(tracks: Track[], cname: string, clip: string): string[] {
  const args = ['-hide_banner', '-loglevel', 'error', '-re', '-stream_loop', '-1', '-i', clip];
  for (const t of tracks) {
    const [map, pt] = t.kind === 'video' ? ['0:v:0', VIDEO_PT] : ['0:a:0', AUDIO_PT];
    args.push('-map', map, '-c', 'copy', '-payload_type', String(pt));
    args.push('-ssrc', String(t.ssrc), '-cname', cname, '-f', 'rtp', rtpUrl(t.entry));
  }
  return args;
}
