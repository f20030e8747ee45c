import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  LessonRole,
  recordingManifestPath,
  recordingManifestSchema,
  type ManifestTake,
  type RecordingManifest,
} from '@tongke/contracts';
import { testRedisUrl } from '../../../../../test/support/test-env';
import type { Peer } from '../rooms/peer';
import type { Room } from '../rooms/room';
import type { LiveTestClient } from '../testing/live-test.client';
import { eventually, LiveTestHarness, type Identity } from '../testing/live-test.harness';
import { startRtpTestSource } from '../testing/rtp-test-source';
import { LessonRecorder } from './lesson.recorder';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const SEGMENT_S = 2;
const LEAD = { role: LessonRole.LEAD, sub: 'teacher-rec', name: 'Zhao' };
const A = { role: LessonRole.CLASSROOM, sub: 't-rec-a', cid: 'room-rec-a', name: 'A' };
const B = { role: LessonRole.CLASSROOM, sub: 't-rec-b', cid: 'room-rec-b', name: 'B' };

const newSession = () => randomBytes(12).toString('hex');
/** Seconds of media in takes (a take's segments are back to back; the last packet's own duration is not listed). */
const coverage = (takes: ManifestTake[]) =>
  takes.reduce((sum, t) => sum + ((t.segments.at(-1)?.endS ?? 0) - (t.segments[0]?.startS ?? 0)), 0);
/**
 * Test sources send a keyframe every half second: a browser answers the recorder's keyframe request
 * at once, ffmpeg does not (a take's media starts with its first keyframe).
 */
const KEYFRAME_S = 0.5;
/** How long a take may take to start here (ffmpeg spawn, first keyframe): ~0.3 s idle, >1 s on a loaded 2-core box. */
const STARTUP_S = 2;
/** A killed ffmpeg loses at most its Matroska cluster in progress (half a second). */
const CLUSTER_S = 0.5;
const takeSpan = (t: ManifestTake) => (Date.parse(t.endedAt as string) - Date.parse(t.startedAt)) / 1000;

function redisDb(db: number): string {
  const url = new URL(testRedisUrl());
  url.pathname = `/${db}`;
  return url.toString();
}

async function probeDuration(file: string): Promise<number> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file]);
  return Number(stdout.trim());
}

/** First and last packet time of each stream of a file. */
async function probeStreamSpans(file: string): Promise<{ codec: string; first: number; last: number }[]> {
  const args = ['-v', 'error', '-show_entries', 'stream=codec_name:packet=stream_index,pts_time', '-of', 'json', file];
  const { stdout } = await run('ffprobe', args);
  const probe = JSON.parse(stdout) as {
    streams: { codec_name: string }[];
    packets: { stream_index: number; pts_time: string }[];
  };
  return probe.streams.map((stream, index) => {
    const times = probe.packets.filter((p) => p.stream_index === index).map((p) => Number(p.pts_time));
    return { codec: stream.codec_name, first: Math.min(...times), last: Math.max(...times) };
  });
}

/** Recording a live lesson with ffmpeg (real worker, real ffmpeg, RTP test sources). */
describe(LessonRecorder.name, () => {
  const storageRoot = mkdtempSync(path.join(tmpdir(), 'tongke-rec-'));
  const h = new LiveTestHarness({
    REDIS_URL: redisDb(29),
    STORAGE_ROOT: storageRoot,
    RECORDING_ENABLED: 'true',
    RECORDING_SEGMENT_S: String(SEGMENT_S),
  });

  beforeAll(() => h.start());
  afterAll(async () => {
    await h.close();
    rmSync(storageRoot, { recursive: true, force: true });
  });
  afterEach(() => expect(h.records.refused).toEqual([]));

  async function joinRecorded(sid: string, who: Identity, send: boolean): Promise<[LiveTestClient, Peer]> {
    const client = await h.connect({ token: h.token({ ...h.claims(sid, who), rec: true }), sessionId: sid });
    await client.enter({ send });
    const peer = h.room(sid).peers.get(client.joined?.self.id as string);
    if (!peer) throw new Error('not in the room');
    return [client, peer];
  }

  const recorderOf = (room: Room): LessonRecorder => {
    if (!room.recorder) throw new Error('the room has no recorder');
    return room.recorder;
  };

  /** Ends the lesson as the lead would and answers the final manifest, once `recording.finished` came. */
  async function endAndRead(sid: string, lead: LiveTestClient): Promise<RecordingManifest> {
    await lead.ok('lesson:end', {});
    await eventually(() => expect(h.records.ofType('recording.finished', sid)).toHaveLength(1), 20_000);
    const manifestPath = h.records.ofType('recording.finished', sid)[0].manifestPath;
    expect(manifestPath).toBe(recordingManifestPath(sid));
    const raw: unknown = JSON.parse(readFileSync(path.join(storageRoot, manifestPath), 'utf8'));
    return recordingManifestSchema.parse(raw);
  }

  /**
   * Every segment plays at least its listed length (the list follows the video; audio may run on to
   * the next segment's start across a gap); audio and video of a take stay together (RTCP sync).
   */
  async function expectReadable(sid: string, take: ManifestTake): Promise<void> {
    expect(take.segments.length).toBeGreaterThan(0);
    for (const [i, segment] of take.segments.entries()) {
      const file = path.join(storageRoot, 'recordings', sid, take.dir, segment.file);
      const duration = await probeDuration(file);
      const until = take.segments[i + 1]?.startS ?? segment.endS;
      expect(duration).toBeGreaterThan(segment.endS - segment.startS - 0.3);
      expect(duration).toBeLessThan(until - segment.startS + 0.3);
      if (!take.hasAudio || !take.hasVideo) continue;
      const spans = await probeStreamSpans(file);
      expect(spans.map((s) => s.codec).sort()).toEqual(['opus', 'vp8']);
      // Both streams start together and end together (within a segment, a mute may leave a gap in one).
      if (i === 0) expect(Math.abs(spans[0].first - spans[1].first)).toBeLessThan(0.3);
      if (i === take.segments.length - 1) expect(Math.abs(spans[0].last - spans[1].last)).toBeLessThan(0.3);
    }
  }

  it('records the lead camera + mic and a screen share in the middle, then reports recording.finished once', async () => {
    const sid = newSession();
    const [lead, leadPeer] = await joinRecorded(sid, LEAD, true);
    const room = h.room(sid);
    const camera = await startRtpTestSource(room, leadPeer, { keyframeS: KEYFRAME_S });
    const t0 = Date.now();
    await sleep(4000);
    const screen = await startRtpTestSource(room, leadPeer, { source: 'screen', keyframeS: KEYFRAME_S });
    const s0 = Date.now();
    await sleep(4000);
    await screen.stop();
    const s1 = Date.now();
    await sleep(4000);
    const t1 = Date.now();
    const manifest = await endAndRead(sid, lead);
    await camera.stop();

    const av = manifest.takes.filter((t) => t.track === 'lead-av');
    const screens = manifest.takes.filter((t) => t.track === 'lead-screen');
    expect(av.map((t) => [t.end, t.hasAudio, t.hasVideo, t.videoCodec])).toEqual([['stopped', true, true, 'VP8']]);
    expect(screens.map((t) => [t.end, t.hasAudio, t.hasVideo])).toEqual([['stopped', false, true]]);
    expect(manifest.endedAt).toBeDefined();
    for (const take of [...av, ...screens]) await expectReadable(sid, take);
    // Media time agrees with the wall clock (startedAt is media time 0, endedAt the stop).
    for (const take of [...av, ...screens]) expect(Math.abs(takeSpan(take) - coverage([take]))).toBeLessThanOrEqual(1);
    // The whole lesson is there but the take's start-up (ffmpeg spawn, first keyframe).
    expect(coverage(av)).toBeGreaterThan((t1 - t0) / 1000 - STARTUP_S);
    expect(coverage(av)).toBeLessThanOrEqual((t1 - t0) / 1000 + 1);
    expect(Date.parse(screens[0].startedAt) - s0).toBeLessThan(STARTUP_S * 1000);
    expect(Math.abs(Date.parse(screens[0].endedAt as string) - s1)).toBeLessThan(1000);
    expect(Math.abs(Date.parse(av[0].endedAt as string) - t1)).toBeLessThan(1000);
    await sleep(500);
    expect(h.records.ofType('recording.finished', sid)).toHaveLength(1);
  });

  it('restarts a take whose ffmpeg was killed, keeping its open segment but the last second', async () => {
    const sid = newSession();
    const [lead, leadPeer] = await joinRecorded(sid, LEAD, true);
    const room = h.room(sid);
    const camera = await startRtpTestSource(room, leadPeer, { keyframeS: KEYFRAME_S });
    const t0 = Date.now();
    await eventually(() => expect(recorderOf(room).current.get('lead-av')?.pid).toBeDefined(), 5000);
    const first = recorderOf(room).current.get('lead-av');
    const pid = first?.pid;
    if (!first || !pid) throw new Error('no lead-av take running');
    // Killed 1.2 s into its third segment: a few clusters of it are on disk.
    const listFile = path.join(first.dir, 'segments.csv');
    await eventually(
      () => expect(readFileSync(listFile, 'utf8').trim().split('\n').length).toBeGreaterThanOrEqual(2),
      10_000,
    );
    await sleep(1200);
    process.kill(pid, 'SIGKILL');
    await eventually(() => {
      const next = recorderOf(room).current.get('lead-av');
      expect(next && next !== first && next.state === 'running').toBe(true);
    }, 3000);
    await sleep(5000);
    const t1 = Date.now();
    const manifest = await endAndRead(sid, lead);
    await camera.stop();

    const av = manifest.takes.filter((t) => t.track === 'lead-av');
    expect(av.map((t) => t.end)).toEqual(['crashed', 'stopped']);
    expect(Date.parse(av[1].startedAt) - Date.parse(av[0].endedAt as string)).toBeLessThan(STARTUP_S * 1000);
    for (const take of av) await expectReadable(sid, take);
    // The segment open at the kill was never listed by ffmpeg; it is kept up to its last cluster.
    const listed = readFileSync(path.join(storageRoot, 'recordings', sid, av[0].dir, 'segments.csv'), 'utf8');
    const salvaged = av[0].segments.at(-1);
    expect(salvaged && !listed.includes(salvaged.file)).toBe(true);
    expect(takeSpan(av[0]) - (salvaged?.endS ?? 0)).toBeLessThan(CLUSTER_S + 0.5);
    // Lost: the last cluster before the kill and the restart; the rest is there.
    const recorded = (Date.parse(manifest.endedAt as string) - Date.parse(av[0].startedAt)) / 1000;
    expect(recorded - coverage(av)).toBeLessThanOrEqual(CLUSTER_S + STARTUP_S);
    expect(coverage(av)).toBeGreaterThan((t1 - t0) / 1000 - CLUSTER_S - 2 * STARTUP_S);
  });

  it('starts a new take on a camera switch; a fully muted lead leaves a gap in its take', async () => {
    const sid = newSession();
    const [lead, leadPeer] = await joinRecorded(sid, LEAD, true);
    const room = h.room(sid);
    const avTake = () => recorderOf(room).current.get('lead-av');
    const sources = [await startRtpTestSource(room, leadPeer, { keyframeS: KEYFRAME_S })];
    await eventually(() => expect(avTake()?.state).toBe('running'), 5000);
    const first = avTake();
    await sleep(2500);
    sources.push(await startRtpTestSource(room, leadPeer, { audio: false, keyframeS: KEYFRAME_S }));
    expect(sources[0].producers[0].producer.closed).toBe(true); // the old camera was replaced
    await eventually(() => expect(avTake() !== first && avTake()?.state === 'running').toBe(true), 5000);
    const second = avTake();
    await sleep(2500);
    const setMuted = (muted: boolean) =>
      room.exclusive(async () => {
        for (const e of [sources[1].producers[0], sources[0].producers[1]]) {
          await room.producerOps.setReason(e, 'owner', muted, leadPeer);
        }
      });
    await setMuted(true);
    await sleep(3000);
    await setMuted(false);
    await sleep(3000);
    expect(avTake()).toBe(second);
    const manifest = await endAndRead(sid, lead);
    for (const source of sources) await source.stop();

    const av = manifest.takes.filter((t) => t.track === 'lead-av');
    expect(av.map((t) => t.end)).toEqual(['stopped', 'stopped']);
    for (const take of av) await expectReadable(sid, take);
    // The muted seconds are a gap in the second take's media time, which still follows the wall clock.
    const media = av[1].segments.reduce((sum, x) => sum + x.endS - x.startS, 0);
    expect(Math.abs(takeSpan(av[1]) - coverage([av[1]]))).toBeLessThanOrEqual(1);
    expect(coverage([av[1]]) - media).toBeGreaterThan(2);
  });

  it('follows the stage: a stage-av take per classroom on stage, ended when the stage changes', async () => {
    const sid = newSession();
    const [lead, leadPeer] = await joinRecorded(sid, LEAD, true);
    const [, aPeer] = await joinRecorded(sid, A, true);
    const [, bPeer] = await joinRecorded(sid, B, true);
    const room = h.room(sid);
    const sources = [
      await startRtpTestSource(room, leadPeer, { audio: false, keyframeS: KEYFRAME_S }),
      await startRtpTestSource(room, aPeer, { keyframeS: KEYFRAME_S }),
      await startRtpTestSource(room, bPeer, { keyframeS: KEYFRAME_S }),
    ];
    const stageTake = () => recorderOf(room).current.get('stage-av');
    await sleep(1500);
    expect(stageTake()).toBeUndefined();
    await lead.ok('stage:set', { peerId: aPeer.id });
    await eventually(() => expect(stageTake()?.state).toBe('running'), 3000);
    expect(stageTake()?.peerId).toBe(aPeer.id);
    await sleep(3000);
    await lead.ok('stage:set', { peerId: bPeer.id });
    await eventually(() => expect(stageTake()?.peerId).toBe(bPeer.id), 3000);
    await sleep(3000);
    await lead.ok('stage:set', { peerId: null });
    await eventually(() => expect(stageTake()).toBeUndefined(), 3000);
    await sleep(500);
    const manifest = await endAndRead(sid, lead);
    for (const s of sources) await s.stop();

    const stage = manifest.takes.filter((t) => t.track === 'stage-av');
    expect(stage.map((t) => [t.end, t.hasAudio, t.hasVideo])).toEqual([
      ['stopped', true, true],
      ['stopped', true, true],
    ]);
    for (const take of stage) await expectReadable(sid, take);
    expect(manifest.takes.filter((t) => t.track === 'lead-av').map((t) => [t.hasAudio, t.hasVideo])).toEqual([
      [false, true],
    ]);
  });
});
