import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '@nestjs/common';
import type { RecordingSegment, RecordingTrackKind } from '@tongke/contracts';
import type { types } from 'mediasoup';
import type { ConsumerEntry, ProducerEntry, TransportEntry } from '../media/media-entries';
import type { Room } from '../rooms/room';
import { FfmpegProcess, type FfmpegExit } from './ffmpeg-process.adapter';
import { OpenSegmentSalvager } from './open-segment.salvager';
import { RecordingSdpBuilder, type SdpStream } from './recording-sdp.builder';
import { SegmentListParser } from './segment-list.parser';
import { UdpBindProbe } from './udp-bind.probe';
import type { PortPair, UdpPortAllocator } from './udp-port.allocator';

/** What a take needs from its recorder. */
export interface TakeDeps {
  room: Room;
  ports: UdpPortAllocator;
  ffmpegPath: string;
  ffprobePath: string;
  segmentS: number;
  logger: Logger;
}

/** What a take tells its recorder. */
export interface TakeListener {
  /** The first packet went to ffmpeg: the wall-clock time of the take's media time 0. */
  started(take: TakeRecorder, at: Date): void;
  /** Segments listed by ffmpeg so far (all of them, each time). */
  segments(take: TakeRecorder, segments: RecordingSegment[]): void;
  ended(take: TakeRecorder, end: TakeEnd, at: Date, reason: string): void;
}

/** Why a take ended: stopped when asked, idle (no media for a while: ffmpeg ended on its own), or crashed. */
export type TakeEnd = 'stopped' | 'idle' | 'crashed';

export const SDP_FILE = 'take.sdp';
export const SEGMENT_LIST_FILE = 'segments.csv';
const LISTEN_TIMEOUT_MS = 5000;
/** A stop waits this long beyond ffmpeg's idle timeout (and 'q') before SIGKILL. */
const STOP_MARGIN_MS = 4000;
const LIST_POLL_MS = 1000;
/** How long the audio of a take waits for its video's first keyframe. */
const AUDIO_GATE_MS = 1500;
/**
 * Matroska options of each segment: a cluster every half second, written out as it closes, so a
 * killed ffmpeg leaves all but the last half second of its open segment on disk (OpenSegmentSalvager).
 */
const SEGMENT_FORMAT_OPTIONS = 'cluster_time_limit=500:flush_packets=1';

interface Feed {
  pair: PortPair;
  transport?: TransportEntry;
  consumer?: ConsumerEntry;
}

/**
 * One ffmpeg run recording one track: a plain RTP transport and a paused consumer per producer
 * (registered in the room through its managers), an SDP file, ffmpeg copying the streams into
 * Matroska segments. The consumers resume once ffmpeg listens; keyframes are requested then and
 * every segmentS/2 so segments can be cut. Its end is 'stopped' when asked, 'crashed' otherwise.
 */
export class TakeRecorder {
  state: 'starting' | 'running' | 'stopping' | 'ended' = 'starting';
  readonly peerId: string;
  readonly producerIds: string[];
  private readonly feeds: Feed[] = [];
  private ffmpeg: FfmpegProcess | undefined;
  private failure: string | undefined;
  private idle = false;
  private audioReleased = false;
  private stopReason: string | undefined;
  private stoppedAt: Date | undefined;
  private firstPacket = false;
  private timers: NodeJS.Timeout[] = [];
  /** The segments ffmpeg has closed, as last read from its list. */
  private listed: RecordingSegment[] = [];
  private readonly endedPromise: Promise<void>;
  private resolveEnded!: () => void;

  constructor(
    readonly id: string,
    readonly track: RecordingTrackKind,
    readonly dir: string,
    private readonly producers: ProducerEntry[],
    private readonly deps: TakeDeps,
    private readonly listener: TakeListener,
  ) {
    this.peerId = producers[0]?.peerId ?? '';
    this.producerIds = producers.map((p) => p.producer.id).sort();
    this.endedPromise = new Promise((resolve) => (this.resolveEnded = resolve));
  }

  /**
   * Seconds without any packet after which ffmpeg ends on its own (its `-listen_timeout`): longer
   * than the keyframe requests' interval, and how long a stop takes once the media has stopped
   * (ffmpeg reads 'q' only between packets).
   */
  get idleS(): number {
    return Math.max(2, Math.ceil(this.deps.segmentS / 2) + 1);
  }

  /** Whether any packet went to ffmpeg. */
  get hadMedia(): boolean {
    return this.firstPacket;
  }

  get pid(): number | undefined {
    return this.ffmpeg?.pid;
  }

  get hasAudio(): boolean {
    return this.producers.some((p) => p.producer.kind === 'audio');
  }

  get videoCodec(): 'VP8' | 'H264' | undefined {
    const video = this.producers.find((p) => p.producer.kind === 'video');
    const mime = video?.producer.rtpParameters.codecs[0]?.mimeType.split('/')[1]?.toUpperCase();
    return mime === 'VP8' || mime === 'H264' ? mime : undefined;
  }

  /** Resolves once the take has ended and told its listener. */
  get ended(): Promise<void> {
    return this.endedPromise;
  }

  /**
   * Under the room's lock: transports, paused consumers, SDP, then ffmpeg. It listens and the
   * consumers resume in the background; a failure here ends the take as 'crashed'.
   */
  async open(): Promise<void> {
    try {
      await mkdir(this.dir, { recursive: true });
      for (const producer of this.producers) await this.feed(producer);
      const streams = this.feeds.map((f) => this.sdpStream(f));
      await writeFile(path.join(this.dir, SDP_FILE), RecordingSdpBuilder.build(streams));
      this.ffmpeg = FfmpegProcess.start({ binary: this.deps.ffmpegPath, args: this.ffmpegArgs(), cwd: this.dir });
      void this.ffmpeg.exited.then((exit) => this.onExit(exit));
      void this.listen();
    } catch (err) {
      this.failure = `could not start: ${(err as Error).message}`;
      this.finish(new Date());
    }
  }

  private async feed(producer: ProducerEntry): Promise<void> {
    const { room } = this.deps;
    const feed: Feed = { pair: await this.deps.ports.lease() };
    this.feeds.push(feed);
    const what = `recorder ${this.id} ${producer.producer.kind}`;
    feed.transport = await room.transportOps.createLocalRtp(null, what, {
      port: feed.pair.rtp,
      rtcpPort: feed.pair.rtcp,
    });
    feed.consumer = await room.consumerOps.consumePlain(feed.transport, producer, true);
  }

  private sdpStream(feed: Feed): SdpStream {
    const consumer = (feed.consumer as ConsumerEntry).consumer;
    return {
      kind: consumer.kind,
      port: feed.pair.rtp,
      rtcpPort: feed.pair.rtcp,
      rtpParameters: consumer.rtpParameters,
    };
  }

  private ffmpegArgs(): string[] {
    return [
      ['-hide_banner', '-nostats', '-loglevel', 'warning', '-y'],
      ['-protocol_whitelist', 'file,udp,rtp', '-listen_timeout', String(this.idleS), '-i', SDP_FILE],
      ['-map', '0', '-c', 'copy', '-f', 'segment', '-segment_time', String(this.deps.segmentS)],
      ['-segment_format', 'matroska', '-segment_format_options', SEGMENT_FORMAT_OPTIONS, '-reset_timestamps', '1'],
      ['-segment_list', SEGMENT_LIST_FILE, '-segment_list_type', 'csv', 'seg-%05d.mkv'],
    ].flat();
  }

  /** Waits for ffmpeg's ports, then (under the room's lock) resumes the consumers. */
  private async listen(): Promise<void> {
    const ports = this.feeds.flatMap((f) => [f.pair.rtp, f.pair.rtcp]);
    const ffmpeg = this.ffmpeg as FfmpegProcess;
    const listening = await UdpBindProbe.waitBound(ports, LISTEN_TIMEOUT_MS, () => ffmpeg.running);
    if (!listening) {
      if (ffmpeg.running && this.state === 'starting') {
        this.failure = `ffmpeg did not listen within ${LISTEN_TIMEOUT_MS} ms`;
        ffmpeg.kill();
      }
      return;
    }
    this.deps.room.background(`recording take ${this.id} start`, () => this.resume());
  }

  /**
   * Resumes the video first and the audio once the first video packet (a keyframe) went out, so
   * both of ffmpeg's RTP streams start together: ffmpeg starts each stream's clock at its first
   * packet and re-anchors them on the first RTCP sender report, which would shift a stream that
   * started later. Audio waits at most AUDIO_GATE_MS (a paused camera).
   */
  private async resume(): Promise<void> {
    if (this.state !== 'starting') return;
    for (const feed of this.feeds) {
      if (feed.consumer && !feed.consumer.consumer.closed) await this.watchFirstPacket(feed.consumer.consumer);
    }
    this.state = 'running';
    await this.resumeFeeds('video');
    this.requestKeyFrames();
    const gate = this.feeds.some((f) => f.consumer?.consumer.kind === 'video') ? AUDIO_GATE_MS : 0;
    this.timers.push(setTimeout(() => this.releaseAudio(), gate));
    this.timers.push(setInterval(() => this.requestKeyFrames(), (this.deps.segmentS * 1000) / 2));
    this.timers.push(setInterval(() => void this.readSegments(), LIST_POLL_MS));
    for (const timer of this.timers) timer.unref();
  }

  private async resumeFeeds(kind: 'audio' | 'video'): Promise<void> {
    for (const feed of this.feeds) {
      const entry = feed.consumer;
      if (entry && entry.consumer.kind === kind && !entry.consumer.closed) {
        await this.deps.room.consumerOps.setReason(entry, 'ack', false);
      }
    }
  }

  private releaseAudio(): void {
    if (this.audioReleased || this.state !== 'running') return;
    this.audioReleased = true;
    this.deps.room.background(`recording take ${this.id} audio`, async () => {
      if (this.state === 'running') await this.resumeFeeds('audio');
    });
  }

  /** The first RTP packet a consumer sends (a trace event, turned off again) marks media time 0. */
  private async watchFirstPacket(consumer: types.Consumer): Promise<void> {
    const onTrace = (trace: types.ConsumerTraceEventData) => {
      if (trace.type !== 'rtp' || trace.direction !== 'out') return;
      consumer.off('trace', onTrace);
      if (!consumer.closed) void consumer.enableTraceEvent([]).catch(() => undefined);
      if (consumer.kind === 'video') this.releaseAudio();
      if (this.firstPacket || this.state === 'ended') return;
      this.firstPacket = true;
      this.listener.started(this, new Date());
    };
    consumer.on('trace', onTrace);
    await consumer.enableTraceEvent(['rtp']);
  }

  private requestKeyFrames(): void {
    for (const feed of this.feeds) {
      const consumer = feed.consumer?.consumer;
      if (consumer?.kind === 'video' && !consumer.closed) void consumer.requestKeyFrame().catch(() => undefined);
    }
  }

  private async readSegments(): Promise<void> {
    try {
      const text = await readFile(path.join(this.dir, SEGMENT_LIST_FILE), 'utf8');
      this.listed = SegmentListParser.parse(text);
      this.listener.segments(this, this.listed);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.deps.logger.warn(`take ${this.id}: segment list unreadable: ${(err as Error).message}`);
      }
    }
  }

  /**
   * Stops the take now (under the room's lock): its consumers' transports close, so the recording
   * ends exactly here; ffmpeg still writes what it has received and ends on its idle timeout
   * (then 'q', SIGINT, SIGKILL), finalizing the open segment. Resolves once the take has ended.
   */
  stop(reason: string): Promise<void> {
    if (this.state === 'ended' || this.state === 'stopping') return this.ended;
    this.state = 'stopping';
    this.stopReason = reason;
    this.stoppedAt = new Date();
    for (const timer of this.timers) clearTimeout(timer);
    this.closeFeeds();
    const graceMs = this.idleS * 1000 + 500;
    if (this.ffmpeg) void this.ffmpeg.stop(graceMs, graceMs + STOP_MARGIN_MS);
    else this.finish(this.stoppedAt);
    return this.ended;
  }

  private closeFeeds(): void {
    for (const feed of this.feeds) if (feed.transport) this.deps.room.transportOps.close(feed.transport, 'take_ended');
  }

  private async onExit(exit: FfmpegExit): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    await this.readSegments();
    if (!exit.requested && exit.code === 0 && !this.failure) {
      this.idle = true; // its input timed out: no packet for idleS seconds
    } else if (!exit.requested || this.failure) {
      const how = exit.signal ? `killed by ${exit.signal}` : `exited with ${exit.code}`;
      this.failure ??= `ffmpeg ${how}: ${exit.stderrTail}`;
    }
    const now = Date.now();
    const at = this.failure ? now : this.idle ? now - this.idleS * 1000 : (this.stoppedAt?.getTime() ?? now);
    // A crash, or a stop that had to kill it: the open segment was never closed.
    if (this.failure || exit.signal === 'SIGKILL') await this.salvageOpenSegment();
    this.finish(new Date(at));
  }

  /** After a crash: keeps what ffmpeg had written of its open segment (listed after the closed ones). */
  private async salvageOpenSegment(): Promise<void> {
    const salvager = new OpenSegmentSalvager(this.deps);
    const segment = await salvager.salvage(this.dir, this.listed);
    if (!segment) return;
    const keptS = (segment.endS - segment.startS).toFixed(1);
    this.deps.logger.log(`take ${this.id}: kept ${keptS} s of its open segment ${segment.file}`);
    this.listed = [...this.listed, segment];
    this.listener.segments(this, this.listed);
  }

  /** Closes its transports (their consumers go with them), frees its ports, tells the recorder. */
  private finish(at: Date): void {
    if (this.state === 'ended') return;
    this.state = 'ended';
    for (const timer of this.timers) clearTimeout(timer);
    this.deps.room.background(`recording take ${this.id} cleanup`, () => this.closeFeeds());
    if (!this.ffmpeg?.running) for (const feed of this.feeds) this.deps.ports.release(feed.pair);
    else void this.ffmpeg.exited.then(() => this.feeds.forEach((f) => this.deps.ports.release(f.pair)));
    const end: TakeEnd = this.failure ? 'crashed' : this.idle ? 'idle' : 'stopped';
    const reason = this.failure ?? (this.idle ? `no media for ${this.idleS} s` : (this.stopReason ?? 'stopped'));
    this.listener.ended(this, end, at, reason);
    this.resolveEnded();
  }
}
