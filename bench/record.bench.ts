// npm run bench:record — what recording one lesson while live costs: the recorder's ffmpeg
// processes (RTP from mediasoup PlainTransports copied into Matroska segments, no re-encoding)
// beside an ffmpeg pipeline that re-encodes the same consumed streams (libx264 veryfast + AAC).
// The lead publishes a 720p25 VP8 camera (~1.5 Mbit/s) + Opus and a 720p5 screen share from RTP
// test sources (pre-encoded clips looped without re-encoding, so the senders cost little).
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { recordingManifestPath, recordingManifestSchema, type ManifestTake } from '@tongke/contracts';
import type { LessonRecorder } from '../apps/media/src/live/recording/lesson.recorder';
import { UdpPortAllocator } from '../apps/media/src/live/recording/udp-port.allocator';
import { startRtpTestSource, type RtpTestSource } from '../apps/media/src/live/testing/rtp-test-source';
import { report, type BenchRow } from './lib/bench-report';
import { BenchClipGenerator } from './record/bench-clip.generator';
import { ProcessUsageSampler, type ProcessUsage } from './record/process-usage.sampler';
import { ReencodePipeline } from './record/reencode.pipeline';
import { RecordLessonRig } from './record/record-lesson.rig';

const MEASURE_S = Number(process.env.BENCH_RECORD_SECONDS ?? 60);
const WARMUP_S = 3;
const SEGMENT_S = 6;
const TARGET_CORES = 0.15;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, get: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = get();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await sleep(100);
  }
}

function recorderPids(recorder: LessonRecorder): number[] | undefined {
  const takes = ['lead-av', 'lead-screen'].map((t) => recorder.current.get(t as 'lead-av'));
  const running = takes.every((t) => t?.state === 'running' && t.pid);
  return running ? takes.map((t) => t?.pid as number) : undefined;
}

const coverage = (takes: ManifestTake[]) =>
  takes.reduce((sum, t) => sum + ((t.segments.at(-1)?.endS ?? 0) - (t.segments[0]?.startS ?? 0)), 0);

async function main(): Promise<void> {
  const rig = new RecordLessonRig();
  const sources: RtpTestSource[] = [];
  const load = loadavg()[0];
  try {
    const camera = await BenchClipGenerator.write(rig.dir, 'camera', BenchClipGenerator.camera);
    const screen = await BenchClipGenerator.write(rig.dir, 'screen', BenchClipGenerator.screen);
    await rig.start(SEGMENT_S);
    const { room, lead } = await rig.joinLead();
    sources.push(await startRtpTestSource(room, lead, { clip: camera.file }));
    sources.push(await startRtpTestSource(room, lead, { source: 'screen', clip: screen.file }));
    const recorder = room.recorder as LessonRecorder;
    const copyPids = await until('both recorder takes running', () => recorderPids(recorder));
    const ports = new UdpPortAllocator();
    const reencode = [
      await ReencodePipeline.start(room, sources[0].producers, path.join(rig.dir, 'reencode-av'), ports),
      await ReencodePipeline.start(room, sources[1].producers, path.join(rig.dir, 'reencode-screen'), ports),
    ];
    await sleep(WARMUP_S * 1000);
    const copySampler = new ProcessUsageSampler(copyPids);
    const reencodeSampler = new ProcessUsageSampler(reencode.map((r) => r.pid));
    await sleep(MEASURE_S * 1000);
    const copy = copySampler.stop();
    const transcode = reencodeSampler.stop();
    const sameTakes = recorderPids(recorder)?.join() === copyPids.join();
    for (const r of reencode) await r.stop();
    const ratios = await Promise.all(reencode.map((r) => r.realtimeRatio()));
    await rig.endLesson();
    await until('recording.finished', () => rig.records.ofType('recording.finished')[0], 30_000);
    const manifestFile = path.join(rig.storageRoot, recordingManifestPath(rig.sessionId));
    const manifest = recordingManifestSchema.parse(JSON.parse(readFileSync(manifestFile, 'utf8')));
    const reencodeRealtime = Math.min(...ratios);
    const result = { copy, transcode, sameTakes, load, manifest, reencodeRealtime, camera, screen };
    // BENCH_RECORD_DRY=1: print only (a trial run leaves BENCHMARKS.md and bench/results alone).
    if (process.env.BENCH_RECORD_DRY) console.log(rows(result), raw(result));
    else report('record', rows(result), raw(result), notes(result));
  } finally {
    for (const s of sources) await s.stop().catch(() => undefined);
    await rig.stop();
  }
}

interface BenchResult {
  copy: ProcessUsage;
  transcode: ProcessUsage;
  sameTakes: boolean;
  load: number;
  manifest: ReturnType<typeof recordingManifestSchema.parse>;
  /** The slower re-encoder's media seconds per wall second (below ~0.95: it fell behind live). */
  reencodeRealtime: number;
  camera: typeof BenchClipGenerator.camera;
  screen: typeof BenchClipGenerator.screen;
}

function rows(r: BenchResult): BenchRow[] {
  return [
    {
      metric: 'recorder ffmpeg CPU per lesson (copy)',
      value: r.copy.cores,
      unit: 'cores',
      target: `≤ ${TARGET_CORES}`,
    },
    { metric: 're-encoding ffmpeg CPU per lesson', value: r.transcode.cores, unit: 'cores' },
    { metric: 'recorder ffmpeg RSS per lesson', value: r.copy.peakRssMb, unit: 'MiB' },
    { metric: 're-encoding ffmpeg RSS per lesson', value: r.transcode.peakRssMb, unit: 'MiB' },
    { metric: 're-encoders kept up with live (media s / wall s)', value: r.reencodeRealtime, unit: 'ratio' },
    { metric: 'media recorded (all takes)', value: coverage(r.manifest.takes), unit: 's' },
  ];
}

function raw(r: BenchResult): Record<string, unknown> {
  return {
    cores_per_lesson: r.copy.cores,
    reencode_cores_per_lesson: r.transcode.cores,
    rss_mb: r.copy.peakRssMb,
    reencode_rss_mb: r.transcode.peakRssMb,
    target_cores_per_lesson: TARGET_CORES,
    meets_target: r.copy.cores <= TARGET_CORES,
    measured_s: r.copy.wallSeconds,
    copy_cpu_s: r.copy.cpuSeconds,
    reencode_cpu_s: r.transcode.cpuSeconds,
    reencode_realtime_ratio: r.reencodeRealtime,
    recorder_takes_unchanged: r.sameTakes,
    recorded_media_s: coverage(r.manifest.takes),
    takes: r.manifest.takes.map((t) => ({ id: t.id, end: t.end, segments: t.segments.length })),
    tracks: { camera: r.camera, screen: r.screen },
    load_average_at_start: r.load,
  };
}

function notes(r: BenchResult): string[] {
  const { camera: c, screen: s } = r;
  return [
    `target: ≤ ${TARGET_CORES} of a core per recorded lesson (the recorder's ffmpeg processes; CPU seconds / wall seconds from /proc/<pid>/stat over ${MEASURE_S} s)`,
    `one lesson: lead camera ${c.width}x${c.height}@${c.fps} VP8 ~${c.videoKbps} kbit/s + Opus, screen ${s.width}x${s.height}@${s.fps} VP8 ~${s.videoKbps} kbit/s; two recorder takes (lead-av, lead-screen), ${SEGMENT_S} s Matroska segments`,
    're-encode comparison: the same consumed streams into ffmpeg with libx264 veryfast (2 Mbit/s) + AAC in MPEG-TS segments, measured over the same window',
    `load average when the run started: ${r.load.toFixed(2)} (the machine is shared; CPU seconds are per process, so other load inflates them only slightly)`,
  ];
}

main().catch((err: Error) => {
  console.error(err);
  process.exitCode = 1;
});
