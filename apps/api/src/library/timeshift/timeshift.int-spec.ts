import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { getModelToken } from '@nestjs/mongoose';
import type { LiveSessionView, ManifestTake, RecordingManifest, TimeshiftView } from '@tongke/contracts';
import type { Model } from 'mongoose';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { PasswordHasher } from '../../auth/accounts/password.hasher';
import { DEMO, insertOtherCommunity } from '../../org/testing/org-test.support';
import { User } from '../../org/schemas/user.schema';
import { DEMO_PASSWORD } from '../../seed/demo-district.data';
import { FfprobeAdapter } from '../media-tools/ffprobe.adapter';
import { GREEN, near, pixelAt, RED, recordTakes, writeManifest } from '../processing/testing/recording.fixture';
import { PlaybackTokenService } from '../storage/playback-token.service';
import { TimeshiftService } from './timeshift.service';

const run = promisify(execFile);

async function startTimeS(file: string): Promise<number> {
  const args = ['-v', 'error', '-show_entries', 'format=start_time', '-of', 'csv=p=0', file];
  return Number((await run('ffprobe', args)).stdout.trim());
}

describe(TimeshiftService.name, () => {
  let t: ApiTestApp;
  let root: string;
  const tokens: Record<string, string> = {};
  const auth = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });

  async function createLesson(): Promise<LiveSessionView> {
    const body = {
      title: '音乐：《草原放牧》',
      subject: 'music',
      grade: 4,
      classroomIds: [DEMO.classroom.tanghe, DEMO.classroom.shilin],
    };
    return (await t.http.post('/api/live-sessions').set(auth('music.li')).send(body).expect(201))
      .body as LiveSessionView;
  }

  /** A user of another community who can sign in. */
  async function foreignTeacher(): Promise<string> {
    const other = await insertOtherCommunity(t);
    const users = t.app.get<Model<User>>(getModelToken(User.name));
    const passwordHash = await t.app.get(PasswordHasher).hash(DEMO_PASSWORD);
    await users.updateOne({ _id: other.userId }, { $set: { passwordHash } }).exec();
    const user = await users.findById(other.userId).lean().orFail();
    return t.login(user.username);
  }

  beforeAll(async () => {
    t = await startApiTestApp(31);
    root = t.config.storage.root;
    for (const u of ['music.li', 'terminal.2', 'terminal.4', 'research.sun', 'admin']) tokens[u] = await t.login(u);
    tokens.foreign = await foreignTeacher();
  });

  afterAll(async () => {
    await t.close();
  });

  describe('a lesson being recorded', () => {
    let lesson: LiveSessionView;
    let startedAt: Date;
    let takes: ManifestTake[];
    let view: TimeshiftView;
    const manifest = (over: Partial<RecordingManifest> = {}): RecordingManifest => ({
      version: 1,
      sessionId: lesson.id,
      startedAt: startedAt.toISOString(),
      segmentS: 6,
      takes,
      ...over,
    });

    beforeAll(async () => {
      lesson = await createLesson();
      startedAt = new Date(Date.now() - 40_000);
      // The camera records on (4 of its 6 s segments closed so far); the screen was shared 8–16 s.
      takes = await recordTakes(root, lesson.id, startedAt, [
        {
          id: 'cam',
          track: 'lead-av',
          offsetS: 0,
          durationS: 30,
          video: { color: 'red', width: 320, height: 240 },
          audioHz: 440,
          end: 'open',
          listed: 4,
        },
        {
          id: 'screen',
          track: 'lead-screen',
          offsetS: 8,
          durationS: 8,
          video: { color: 'green', width: 1280, height: 720, fps: 5 },
        },
      ]);
    });

    it('is not ready before the recorder wrote anything (409)', async () => {
      const res = await t.http.get(`/api/live-sessions/${lesson.id}/timeshift`).set(auth('music.li')).expect(409);
      expect(res.body).toEqual({ code: 'NOT_READY', message: 'this lesson has no recording (yet)' });
    });

    it('gives the lead a signed playlist of the lesson so far', async () => {
      await writeManifest(root, manifest());
      const res = await t.http.get(`/api/live-sessions/${lesson.id}/timeshift`).set(auth('music.li')).expect(200);
      view = res.body as TimeshiftView;
      expect(view.playlistUrl).toMatch(new RegExp(`^/api/live-sessions/${lesson.id}/timeshift/[^/]+/index\\.m3u8$`));
      expect(view).toMatchObject({ startedAt: startedAt.toISOString(), availableS: 24 });
    });

    it('lists the chunks recorded so far, as an EVENT playlist without an end', async () => {
      const res = await t.http.get(view.playlistUrl).expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/vnd\.apple\.mpegurl/);
      const text = res.text;
      expect(text).toContain('#EXT-X-PLAYLIST-TYPE:EVENT');
      expect(text.match(/^chunk-\d{5}\.ts$/gm)).toEqual([0, 1, 2, 3, 4, 5].map((k) => `chunk-0000${k}.ts`));
      expect(text).not.toContain('#EXT-X-ENDLIST');
    });

    it('serves chunks composed like the lesson: 640x360, continuous timestamps, the screen with the camera inset', async () => {
      const base = view.playlistUrl.replace(/index\.m3u8$/, '');
      const dir = await mkdtemp(path.join(tmpdir(), 'tongke-timeshift-'));
      const chunks: string[] = [];
      for (const k of [0, 2]) {
        const res = await t.http.get(`${base}chunk-0000${k}.ts`).responseType('blob').expect(200);
        expect(res.headers['content-type']).toBe('video/mp2t');
        const body = res.body as Buffer;
        expect(body[0]).toBe(0x47); // MPEG-TS sync byte
        chunks.push(path.join(dir, `${k}.ts`));
        await writeFile(chunks[chunks.length - 1], body);
      }
      const probe = await t.app.get(FfprobeAdapter).probe(chunks[1]);
      expect(probe).toMatchObject({ video: { codec: 'h264', width: 640, height: 360 }, audio: { codec: 'aac' } });
      // Timestamps run on across chunks (and batches): chunk 2 starts 8 s after chunk 0.
      const [start0, start2] = await Promise.all(chunks.map(startTimeS));
      expect(start2 - start0).toBeCloseTo(8, 1);
      // Chunk 2 is 8–12 s of the lesson (the screen shared, the camera inset bottom-right).
      expect(near(await pixelAt(chunks[0], 1, 320, 180), RED)).toBe(true);
      expect(near(await pixelAt(chunks[1], 1, 320, 180), GREEN)).toBe(true);
      expect(near(await pixelAt(chunks[1], 1, 640 - 16 - 40, 360 - 16 - 30), RED)).toBe(true);
    });

    it('ends the playlist once the recording has ended', async () => {
      const cam = takes[0];
      const segments = [0, 1, 2, 3, 4].map((i) => ({ file: `seg-0000${i}.mkv`, startS: i * 6, endS: i * 6 + 6 }));
      const endedAt = new Date(startedAt.getTime() + 30_000).toISOString();
      takes = [{ ...cam, end: 'stopped', endedAt, segments }, takes[1]];
      await writeManifest(root, manifest({ endedAt }));
      const text = (await t.http.get(view.playlistUrl).expect(200)).text;
      expect(text.match(/^chunk-\d{5}\.ts$/gm)).toHaveLength(8);
      expect(text).toContain('#EXTINF:2.000,\nchunk-00007.ts\n#EXT-X-ENDLIST');
    });

    it('lets the lesson’s classrooms and observers in, and no one else', async () => {
      for (const user of ['terminal.2', 'research.sun', 'admin']) {
        await t.http.get(`/api/live-sessions/${lesson.id}/timeshift`).set(auth(user)).expect(200);
      }
      await t.http.get(`/api/live-sessions/${lesson.id}/timeshift`).set(auth('terminal.4')).expect(404);
      await t.http.get(`/api/live-sessions/${lesson.id}/timeshift`).set(auth('foreign')).expect(404);
      await t.http.get(`/api/live-sessions/${lesson.id}/timeshift`).expect(401);
    });

    it('refuses forged, expired and other lessons’ links (401), and unknown chunks (404)', async () => {
      const signer = t.app.get(PlaybackTokenService);
      const other = await createLesson();
      const url = (token: string, file = 'index.m3u8') => `/api/live-sessions/${lesson.id}/timeshift/${token}/${file}`;
      for (const token of [
        'not-a-token',
        signer.sign(`timeshift:${other.id}`).token,
        signer.sign(`timeshift:${lesson.id}`, -10).token,
      ]) {
        const res = await t.http.get(url(token)).expect(401);
        expect(res.body.code).toBe('UNAUTHENTICATED');
        await t.http.get(url(token, 'chunk-00000.ts')).expect(401);
      }
      const good = signer.sign(`timeshift:${lesson.id}`).token;
      await t.http.get(url(good, 'chunk-00099.ts')).expect(404);
      await t.http.get(url(good, '..%2Fmanifest.json')).expect(404);
      await t.http.get(url(good, 'chunk-00000.ts')).expect(200);
    });
  });

  describe('one composer at a time', () => {
    it('answers parallel requests while a single batch is composed', async () => {
      const lesson = await createLesson();
      const startedAt = new Date(Date.now() - 60_000);
      const takes = await recordTakes(root, lesson.id, startedAt, [
        {
          id: 'cam',
          track: 'lead-av',
          offsetS: 0,
          durationS: 12,
          video: { color: 'red', width: 320, height: 240 },
          audioHz: 440,
        },
      ]);
      const endedAt = new Date(startedAt.getTime() + 12_000).toISOString();
      await writeManifest(root, {
        version: 1,
        sessionId: lesson.id,
        startedAt: startedAt.toISOString(),
        endedAt,
        segmentS: 6,
        takes,
      });
      const get = () => t.http.get(`/api/live-sessions/${lesson.id}/timeshift`).set(auth('music.li'));
      const statuses = (await Promise.all([get(), get(), get()])).map((r) => r.status);
      expect(statuses).toContain(200);
      expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
      const view = (await get().expect(200)).body as TimeshiftView;
      expect(view.availableS).toBe(12);
      const text = (await t.http.get(view.playlistUrl).expect(200)).text;
      expect(text.match(/^chunk-\d{5}\.ts$/gm)).toHaveLength(3);
      expect(text).toContain('#EXT-X-ENDLIST');
    });
  });
});
