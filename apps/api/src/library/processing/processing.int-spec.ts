import { execFile } from 'node:child_process';
import { access, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ProcessingStage, ResourceKind } from '@tongke/contracts';
import { Types } from 'mongoose';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { DEMO } from '../../org/testing/org-test.support';
import { FfprobeAdapter } from '../media-tools/ffprobe.adapter';
import { ResourceFactory } from '../resources/resource.factory';
import { ResourceRepository } from '../resources/resource.repository';
import type { Resource } from '../resources/resource.schema';
import { parseMediaPlaylist } from './outputs/hls-playlists';
import { ProcessingPipeline } from './processing.pipeline';
import { ProcessingQueue } from './processing.queue';
import { BLACK, GREEN, near, pixelAt, RED, recordTakes, writeManifest } from './testing/recording.fixture';

const run = promisify(execFile);
const community = new Types.ObjectId(DEMO.community);
const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

describe(ProcessingQueue.name, () => {
  let t: ApiTestApp;
  let root: string;
  let queue: ProcessingQueue;
  let resources: ResourceRepository;

  beforeAll(async () => {
    t = await startApiTestApp(30, { env: { PROCESSING_ATTEMPTS: '2' } });
    root = t.config.storage.root;
    queue = t.app.get(ProcessingQueue);
    resources = t.app.get(ResourceRepository);
  });

  afterAll(async () => {
    await t.close();
  });

  async function createResource(kind: ResourceKind, sourcePath: string, sessionId?: string, id = new Types.ObjectId()) {
    const resource = await t.app.get(ResourceFactory).create({
      id,
      communityId: community,
      kind,
      metadata: {
        title: '四年级音乐《草原放牧》',
        description: '',
        subject: 'music',
        grade: 4,
        tags: [],
        visibility: 'community',
      },
      createdBy: new Types.ObjectId(DEMO.user.musicLi),
      teacherId: new Types.ObjectId(DEMO.user.musicLi),
      source: { kind, path: sourcePath },
      ...(sessionId && { sessionId: new Types.ObjectId(sessionId) }),
    });
    await queue.enqueue({
      resourceId: id.toHexString(),
      communityId: DEMO.community,
      source: { kind, path: resource.source.path },
    });
    return id;
  }

  /** Polls the resource until it is ready or failed, noting every processing state seen on the way. */
  async function settle(
    id: Types.ObjectId,
    timeoutMs = 80_000,
  ): Promise<{ resource: Resource; seen: [ProcessingStage, number][] }> {
    const seen: [ProcessingStage, number][] = [];
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const resource = await resources.findOne(community, id);
      if (!resource) throw new Error(`resource ${id.toHexString()} vanished`);
      const last = seen[seen.length - 1];
      const { stage, progress } = resource.processing;
      if (!last || last[0] !== stage || last[1] !== progress) seen.push([stage, progress]);
      if (resource.status !== 'processing') return { resource, seen };
      if (Date.now() > deadline) throw new Error(`resource still processing: ${JSON.stringify(seen)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  describe('a recorded lesson', () => {
    const sessionId = new Types.ObjectId().toHexString();
    const startedAt = new Date(Date.now() - 60_000);
    let id: Types.ObjectId;
    let settled: Awaited<ReturnType<typeof settle>>;
    let dir: string;

    beforeAll(async () => {
      // 20 s: the camera crashes at 12 s (its last segment truncated) and restarts at 15 s; the screen
      // is shared 6–14 s at another size; a classroom is on stage 2–18 s.
      const takes = await recordTakes(root, sessionId, startedAt, [
        {
          id: 'cam-1',
          track: 'lead-av',
          offsetS: 0,
          durationS: 12,
          video: { color: 'red', width: 640, height: 480 },
          audioHz: 440,
          end: 'crashed',
          truncateLastTo: 0.6,
        },
        {
          id: 'cam-2',
          track: 'lead-av',
          offsetS: 15,
          durationS: 5,
          video: { color: 'red', width: 640, height: 480 },
          audioHz: 440,
        },
        {
          id: 'screen-1',
          track: 'lead-screen',
          offsetS: 6,
          durationS: 8,
          video: { color: 'green', width: 1280, height: 720, fps: 5 },
        },
        {
          id: 'stage-1',
          track: 'stage-av',
          offsetS: 2,
          durationS: 16,
          video: { color: 'blue', width: 320, height: 240 },
          audioHz: 880,
        },
      ]);
      const endedAt = new Date(startedAt.getTime() + 20_000).toISOString();
      const manifestPath = await writeManifest(root, {
        version: 1,
        sessionId,
        startedAt: startedAt.toISOString(),
        endedAt,
        segmentS: 6,
        takes,
      });
      await mkdir(path.join(root, 'timeshift', sessionId), { recursive: true });
      id = await createResource('recording', manifestPath, sessionId);
      settled = await settle(id);
      dir = path.join(root, 'resources', id.toHexString());
    });

    it('publishes the lesson with its recorded length, 720p and 360p renditions', () => {
      const { resource } = settled;
      expect(resource.processing.error).toBeUndefined();
      expect(resource.status).toBe('ready');
      expect(resource.media).toMatchObject({ width: 1280, height: 720, renditions: [720, 360] });
      expect(Math.abs((resource.media?.durationS ?? 0) - 20)).toBeLessThanOrEqual(0.5);
      expect(resource.processing).toMatchObject({ stage: 'publish', progress: 1, attempts: 1 });
      expect(resource.publishedAt).toBeInstanceOf(Date);
    });

    it('writes the MP4, the HLS renditions cut every HLS_SEGMENT_S, the poster and the sprite', async () => {
      for (const f of ['video.mp4', 'poster.jpg', 'thumbs.jpg', 'hls/master.m3u8']) {
        expect(await exists(path.join(dir, f))).toBe(true);
      }
      const master = await readFile(path.join(dir, 'hls/master.m3u8'), 'utf8');
      expect(master).toMatch(/RESOLUTION=1280x720,CODECS="avc1\.640028,mp4a\.40\.2"\n720p\/index\.m3u8/);
      expect(master).toMatch(/RESOLUTION=640x360,CODECS="avc1\.4d401f,mp4a\.40\.2"\n360p\/index\.m3u8/);
      for (const h of [720, 360]) {
        const segments = parseMediaPlaylist(await readFile(path.join(dir, `hls/${h}p/index.m3u8`), 'utf8'));
        expect(segments.map((s) => s.durationS)).toEqual([4, 4, 4, 4, 4]);
        const probe = await t.app.get(FfprobeAdapter).probeVideo(path.join(dir, `hls/${h}p`, segments[0].uri));
        expect(probe.video.height).toBe(h);
      }
      const probe = await t.app.get(FfprobeAdapter).probe(path.join(dir, 'video.mp4'));
      expect(probe).toMatchObject({ video: { codec: 'h264', width: 1280, height: 720 }, audio: { codec: 'aac' } });
    });

    it('describes the thumbnail sprite it made', async () => {
      const thumbs = settled.resource.media?.thumbnails;
      expect(thumbs).toEqual({ intervalS: 2, columns: 10, rows: 1, count: 10, width: 160, height: 90 });
      const sprite = await t.app.get(FfprobeAdapter).probeVideo(path.join(dir, 'thumbs.jpg'));
      expect(sprite.video).toMatchObject({ width: 1600, height: 90 });
    });

    it('shows the camera full frame, the screen with the camera inset, and black where nothing was recorded', async () => {
      const mp4 = path.join(dir, 'video.mp4');
      const centre = (s: number) => pixelAt(mp4, s, 640, 360);
      const inset = (s: number) => pixelAt(mp4, s, 1280 - 32 - 160, 720 - 32 - 60);
      const letterbox = (s: number) => pixelAt(mp4, s, 40, 360);
      expect(near(await centre(3), RED)).toBe(true);
      expect(near(await letterbox(3), BLACK)).toBe(true); // a 4:3 camera on a 16:9 canvas
      expect(near(await centre(8), GREEN)).toBe(true);
      expect(near(await inset(8), RED)).toBe(true);
      expect(near(await letterbox(8), GREEN)).toBe(true);
      expect(near(await centre(14.5), BLACK)).toBe(true); // between the crash and the restart
      expect(near(await centre(17), RED)).toBe(true);
    });

    it('mixes the lead with the on-stage classroom', async () => {
      const mp4 = path.join(dir, 'video.mp4');
      const volume = async (fromS: number) => {
        const args = [
          '-hide_banner',
          '-ss',
          String(fromS),
          '-t',
          '1',
          '-i',
          mp4,
          '-af',
          'volumedetect',
          '-f',
          'null',
          '-',
        ];
        const { stderr } = await run('ffmpeg', args);
        return Number(/mean_volume: (-?[\d.]+) dB/.exec(stderr)?.[1] ?? -Infinity);
      };
      expect(await volume(0.2)).toBeGreaterThan(-40); // the lead only
      expect(await volume(13)).toBeGreaterThan(-40); // the classroom only (the lead's camera crashed)
      expect(await volume(16)).toBeGreaterThan(-40); // both
    });

    it('reported its progress through the stages, never going back', () => {
      const stages = settled.seen.map(([s]) => s);
      expect(stages).toContain('compose');
      expect(stages[stages.length - 1]).toBe('publish');
      const progress = settled.seen.map(([, p]) => p);
      expect(progress.some((p) => p > 0 && p < 1)).toBe(true);
      expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    });

    it('leaves no work directory and removes the lesson’s time-shift chunks', async () => {
      expect(await readdir(path.join(root, 'work'))).toEqual([]);
      expect(await exists(path.join(root, 'timeshift', sessionId))).toBe(false);
    });

    it('does nothing when a published resource is enqueued again', async () => {
      await queue.enqueue({
        resourceId: id.toHexString(),
        communityId: DEMO.community,
        source: { kind: 'recording', path: 'x' },
      });
      await new Promise((r) => setTimeout(r, 1500));
      const again = await resources.findOne(community, id);
      expect(again?.status).toBe('ready');
      expect(again?.publishedAt).toEqual(settled.resource.publishedAt);
    });
  });

  describe('an uploaded video', () => {
    it('transcodes a 1080p upload without sound to 720p with silence, renditions 720p and 360p', async () => {
      const id = new Types.ObjectId();
      const file = path.join(root, 'sources', id.toHexString(), 'source.mp4');
      await mkdir(path.dirname(file), { recursive: true });
      await run('ffmpeg', [
        ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=s=1920x1080:r=15:d=5'],
        ...['-c:v', 'libx264', '-preset', 'ultrafast', file],
      ]);
      await createResource('upload', `sources/${id.toHexString()}/source.mp4`, undefined, id);
      const { resource } = await settle(id);
      expect(resource.status).toBe('ready');
      expect(resource.media).toMatchObject({ width: 1280, height: 720, renditions: [720, 360] });
      expect(Math.abs((resource.media?.durationS ?? 0) - 5)).toBeLessThanOrEqual(0.5);
      const probe = await t.app.get(FfprobeAdapter).probe(path.join(root, 'resources', id.toHexString(), 'video.mp4'));
      expect(probe.audio?.codec).toBe('aac');
    });
  });

  describe('a resource deleted while it is processed', () => {
    it('leaves no published files behind', async () => {
      const id = new Types.ObjectId();
      const source = `sources/${id.toHexString()}/source.mp4`;
      await mkdir(path.join(root, 'sources', id.toHexString()), { recursive: true });
      await run('ffmpeg', [
        ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=s=320x240:r=15:d=2'],
        ...['-c:v', 'libx264', '-preset', 'ultrafast', path.join(root, source)],
      ]);
      const resource = await t.app.get(ResourceFactory).create({
        id,
        communityId: community,
        kind: 'upload',
        metadata: {
          title: '删除中的视频',
          description: '',
          subject: 'art',
          grade: 2,
          tags: [],
          visibility: 'community',
        },
        createdBy: new Types.ObjectId(DEMO.user.musicLi),
        source: { kind: 'upload', path: source },
      });
      // Run the pipeline directly (not through the queue) and delete the resource as it publishes.
      await t.app.get(ProcessingPipeline).process(
        { resourceId: id.toHexString(), communityId: DEMO.community, source: { kind: 'upload', path: source } },
        {
          attempt: 1,
          attempts: 1,
          signal: new AbortController().signal,
          report: async (stage) => {
            if (stage === 'publish') await resources.delete(resource.communityId, id);
          },
        },
      );
      expect(await resources.findOne(community, id)).toBeNull();
      expect(await exists(path.join(root, 'resources', id.toHexString()))).toBe(false);
    });
  });

  describe('a broken source', () => {
    it('fails after the configured attempts, recording why, and publishes nothing', async () => {
      const id = new Types.ObjectId();
      const file = path.join(root, 'sources', id.toHexString(), 'source.mp4');
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, 'this is not a video at all');
      await createResource('upload', `sources/${id.toHexString()}/source.mp4`, undefined, id);
      const { resource, seen } = await settle(id);
      expect(resource.status).toBe('failed');
      expect(resource.processing.attempts).toBe(2);
      expect(resource.processing.error).toMatch(/not a readable media file/);
      expect(seen.map(([s]) => s)).not.toContain('hls');
      expect(await exists(path.join(root, 'resources', id.toHexString()))).toBe(false);
      expect((await readdir(path.join(root, 'work'))).filter((d) => d.startsWith(id.toHexString()))).toEqual([]);
    });

    it('refuses a manifest path outside the storage root', async () => {
      const id = await createResource('recording', '../../etc/passwd');
      const { resource } = await settle(id);
      expect(resource.status).toBe('failed');
      expect(resource.processing.error).toBe('path outside the storage root');
    });

    it('refuses to enqueue a job without proper ids', async () => {
      await expect(
        queue.enqueue({ resourceId: 'nope', communityId: DEMO.community, source: { kind: 'upload', path: 'x' } }),
      ).rejects.toThrow('a processing job needs a resource and community id');
    });
  });
});
