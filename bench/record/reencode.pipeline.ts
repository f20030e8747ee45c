import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ConsumerEntry, ProducerEntry } from '../../apps/media/src/live/media/media-entries';
import { FfmpegProcess } from '../../apps/media/src/live/recording/ffmpeg-process.adapter';
import { RecordingSdpBuilder, type SdpStream } from '../../apps/media/src/live/recording/recording-sdp.builder';
import { SegmentListParser } from '../../apps/media/src/live/recording/segment-list.parser';
import { UdpBindProbe } from '../../apps/media/src/live/recording/udp-bind.probe';
import type { UdpPortAllocator } from '../../apps/media/src/live/recording/udp-port.allocator';
import type { Room } from '../../apps/media/src/live/rooms/room';

const SEGMENT_S = 6;

/**
 * What recording would cost if it re-encoded while live: the same consumers and SDP as a
 * recorder's take, but ffmpeg transcodes to H.264 (libx264 veryfast) + AAC in MPEG-TS segments.
 */
export class ReencodePipeline {
  /** Wall clock when its consumers were resumed, and when it was asked to stop (ms). */
  private readonly startedAt = Date.now();
  private stoppedAt: number | undefined;

  private constructor(
    private readonly ffmpeg: FfmpegProcess,
    private readonly dir: string,
  ) {}

  get pid(): number {
    if (!this.ffmpeg.pid) throw new Error('the re-encoding ffmpeg did not start');
    return this.ffmpeg.pid;
  }

  static async start(room: Room, producers: ProducerEntry[], dir: string, ports: UdpPortAllocator) {
    await mkdir(dir, { recursive: true });
    const { streams, consumers } = await room.exclusive(async () => {
      const made = { streams: [] as SdpStream[], consumers: [] as ConsumerEntry[] };
      for (const p of producers) {
        const pair = await ports.lease();
        const target = { port: pair.rtp, rtcpPort: pair.rtcp };
        const t = await room.transportOps.createLocalRtp(null, `re-encode bench ${p.producer.kind}`, target);
        const c = await room.consumerOps.consumePlain(t, p, true);
        made.consumers.push(c);
        made.streams.push({
          kind: c.consumer.kind,
          port: pair.rtp,
          rtcpPort: pair.rtcp,
          rtpParameters: c.consumer.rtpParameters,
        });
      }
      return made;
    });
    await writeFile(path.join(dir, 'take.sdp'), RecordingSdpBuilder.build(streams));
    const ffmpeg = FfmpegProcess.start({ binary: 'ffmpeg', args: ReencodePipeline.args(streams), cwd: dir });
    const bound = await UdpBindProbe.waitBound(
      streams.flatMap((s) => [s.port, s.rtcpPort]),
      5000,
      () => ffmpeg.running,
    );
    if (!bound) throw new Error(`the re-encoding ffmpeg did not listen: ${ffmpeg.stderrTail()}`);
    await room.exclusive(async () => {
      for (const c of consumers) await room.consumerOps.setReason(c, 'ack', false);
      for (const c of consumers) if (c.consumer.kind === 'video') await c.consumer.requestKeyFrame();
    });
    return new ReencodePipeline(ffmpeg, dir);
  }

  private static args(streams: SdpStream[]): string[] {
    const args = ['-hide_banner', '-nostats', '-loglevel', 'error', '-y', '-protocol_whitelist', 'file,udp,rtp'];
    args.push('-listen_timeout', '4', '-i', 'take.sdp', '-map', '0');
    args.push('-c:v', 'libx264', '-preset', 'veryfast', '-b:v', '2000k', '-g', '50');
    if (streams.some((s) => s.kind === 'audio')) args.push('-c:a', 'aac', '-b:a', '96k');
    args.push('-f', 'segment', '-segment_time', String(SEGMENT_S), '-segment_format', 'mpegts');
    return [...args, '-segment_list', 'segments.csv', '-segment_list_type', 'csv', 'seg-%05d.ts'];
  }

  /** After `stop()`: media seconds written per wall second it ran (1: it kept up with live). */
  async realtimeRatio(): Promise<number> {
    if (!this.stoppedAt) throw new Error('stop the pipeline first');
    const text = await readFile(path.join(this.dir, 'segments.csv'), 'utf8').catch(() => '');
    const segments = SegmentListParser.parse(text);
    const mediaS = (segments.at(-1)?.endS ?? 0) - (segments[0]?.startS ?? 0);
    return mediaS / ((this.stoppedAt - this.startedAt) / 1000);
  }

  /** Stops it while its input still flows ('q' then: the last segment is finalized). */
  async stop(): Promise<void> {
    this.stoppedAt = Date.now();
    await this.ffmpeg.stop(0, 8000);
  }
}
