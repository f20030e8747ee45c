import { randomUUID } from 'node:crypto';
import { symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DownloadView, LiveSessionView, PlaybackView, ResourceView } from '@tongke/contracts';
import { Types } from 'mongoose';
import type { Response } from 'supertest';
import { type ApiTestApp, startApiTestApp } from '../../../../../../test/support/api-test-app';
import { DEMO } from '../../../org/testing/org-test.support';
import type { ProcessingJobData } from '../../processing/processing-job';
import { ProcessingQueue } from '../../processing/processing.queue';
import { RecordingIntakeService } from '../../recordings/recording-intake.service';
import { PlaybackTokenService } from '../../storage/playback-token.service';
import { resourceScope } from '../media/resource-media.links';
import { ResourceRepository } from '../resource.repository';
import type { Resource } from '../resource.schema';
import {
  type AuthHeader,
  createResource,
  otherDistrictTeacher,
  publish,
  TINY_MEDIA,
  writeTinyMedia,
} from '../testing/library-test.support';
import { PlaybackService } from './playback.service';

const BASE = '/api/library/resources';
const LI = { communityId: DEMO.community, userId: DEMO.user.musicLi };

/** supertest: the body as bytes whatever the content type. */
const binary = (res: Response & { setEncoding(e: string): void }, done: (e: Error | null, b: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

let t: ApiTestApp;
const as: Record<string, AuthHeader> = {};
const enqueued: ProcessingJobData[] = [];

beforeAll(async () => {
  t = await startApiTestApp(33);
  for (const user of ['music.li', 'english.zhao', 'admin'])
    as[user] = { Authorization: `Bearer ${await t.login(user)}` };
  // Watches the real queue (the job still runs): which jobs the intake enqueued.
  const queue = t.app.get(ProcessingQueue);
  const enqueue = queue.enqueue.bind(queue);
  jest.spyOn(queue, 'enqueue').mockImplementation(async (data) => {
    enqueued.push(data);
    return enqueue(data);
  });
});

afterAll(async () => {
  await t.close();
});

describe(PlaybackService.name, () => {
  let resource: Resource;
  let playback: PlaybackView;
  const views = async (r: Resource) =>
    ((await t.http.get(`${BASE}/${r._id}`).set(as.admin).expect(200)).body as ResourceView).views;

  beforeAll(async () => {
    resource = await createResource(t, LI, { title: '四年级音乐《草原放牧》', subject: 'music', grade: 4 });
  });

  it('answers NOT_READY while the resource is processing', async () => {
    const res = await t.http.get(`${BASE}/${resource._id}/playback`).set(as['music.li']).expect(409);
    expect(res.body).toEqual({ code: 'NOT_READY', message: expect.stringContaining('still being processed') });
    await t.http.get(`${BASE}/${resource._id}/download`).set(as['music.li']).expect(409);
    // Others do not see it at all until it is ready.
    await t.http.get(`${BASE}/${resource._id}/playback`).set(as['english.zhao']).expect(404);
  });

  it('answers signed links once published, counting one view per user per half hour', async () => {
    await writeTinyMedia(t, resource._id.toHexString());
    await publish(t, resource, TINY_MEDIA);
    const res = await t.http.get(`${BASE}/${resource._id}/playback`).set(as['english.zhao']).expect(200);
    playback = res.body as PlaybackView;
    const base = `/api/library/media/resource/${resource._id.toHexString()}/`;
    expect(playback).toMatchObject({
      hlsUrl: expect.stringMatching(new RegExp(`^${base}[^/]+/hls/master\\.m3u8$`)),
      mp4Url: expect.stringMatching(/\/video\.mp4$/),
      posterUrl: expect.stringMatching(/\/poster\.jpg$/),
      thumbnails: { url: expect.stringMatching(/\/thumbs\.jpg$/), ...TINY_MEDIA.thumbnails },
      durationS: 2,
    });
    expect(Date.parse(playback.expiresAt)).toBeGreaterThan(Date.now() + 3600_000);
    expect(await views(resource)).toBe(1);
    await t.http.get(`${BASE}/${resource._id}/playback`).set(as['english.zhao']).expect(200);
    expect(await views(resource)).toBe(1);
    await t.http.get(`${BASE}/${resource._id}/playback`).set(as['music.li']).expect(200);
    expect(await views(resource)).toBe(2);
  });

  it('serves the HLS playlists and segments with their content types', async () => {
    const master = await t.http.get(playback.hlsUrl).expect(200);
    expect(master.headers['content-type']).toBe('application/vnd.apple.mpegurl');
    expect(master.text).toContain('240p/index.m3u8');
    const variantUrl = playback.hlsUrl.replace('master.m3u8', '240p/index.m3u8');
    const variant = await t.http.get(variantUrl).expect(200);
    const segment = variant.text.split('\n').find((l) => l.endsWith('.ts'));
    expect(segment).toBeDefined();
    const ts = await t.http
      .get(variantUrl.replace('index.m3u8', String(segment)))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(ts.headers['content-type']).toBe('video/mp2t');
    expect((ts.body as Buffer)[0]).toBe(0x47); // MPEG-TS sync byte
    const poster = await t.http.get(playback.posterUrl).buffer(true).parse(binary).expect(200);
    expect(poster.headers['content-type']).toBe('image/jpeg');
  });

  it('serves the MP4 with HTTP ranges', async () => {
    const whole = await t.http.get(playback.mp4Url).buffer(true).parse(binary).expect(200);
    expect(whole.headers['content-type']).toBe('video/mp4');
    expect(whole.headers['accept-ranges']).toBe('bytes');
    const size = (whole.body as Buffer).length;
    const part = await t.http.get(playback.mp4Url).set('Range', 'bytes=100-199').buffer(true).parse(binary).expect(206);
    expect(part.headers['content-range']).toBe(`bytes 100-199/${size}`);
    expect(part.body).toEqual((whole.body as Buffer).subarray(100, 200));
    await t.http
      .get(playback.mp4Url)
      .set('Range', `bytes=${size + 10}-`)
      .expect(416);
  });

  it('refuses bad, foreign and expired tokens (401)', async () => {
    const [, token] = /\/resource\/[0-9a-f]{24}\/([^/]+)\//.exec(playback.mp4Url) ?? [];
    const id = resource._id.toHexString();
    const url = (tok: string, rid = id) => `/api/library/media/resource/${rid}/${tok}/video.mp4`;
    await t.http.get(url('not-a-token')).expect(401);
    await t.http.get(url(token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')))).expect(401);
    await t.http.get(url(token, new Types.ObjectId().toHexString())).expect(401);
    const expired = t.app.get(PlaybackTokenService).sign(resourceScope(id), -60).token;
    await t.http.get(url(expired)).expect(401);
    const other = t.app.get(PlaybackTokenService).sign(`timeshift:${id}`).token;
    await t.http.get(url(other)).expect(401);
  });

  it('rejects paths that could leave the resource directory, and files it does not publish', async () => {
    const base = playback.mp4Url.replace(/video\.mp4$/, '');
    await writeFile(path.join(t.config.storage.root, 'secret.mp4'), 'secret');
    const attempts = [
      '../../secret.mp4', // sent as is (supertest keeps dot segments)
      '..%2F..%2Fsecret.mp4',
      '%2e%2e/%2e%2e/secret.mp4',
      'hls/..%5C..%5Csecret.mp4',
      '.hidden.mp4',
    ];
    for (const p of attempts) {
      const res = await t.http.get(`${base}${p}`);
      expect([`${p} → ${res.status}`]).toEqual([`${p} → 400`]);
    }
    const dir = path.join(t.config.storage.root, 'resources', resource._id.toHexString());
    await writeFile(path.join(dir, 'notes.txt'), 'x');
    await t.http.get(`${base}notes.txt`).expect(404);
    await symlink(path.join(t.config.storage.root, 'secret.mp4'), path.join(dir, 'link.mp4'));
    await t.http.get(`${base}link.mp4`).expect(404);
    await t.http.get(`${base}hls/missing.m3u8`).expect(404);
  });

  it('answers a download link (counted) that saves the MP4 under the title', async () => {
    const res = await t.http.get(`${BASE}/${resource._id}/download`).set(as['english.zhao']).expect(200);
    const download = res.body as DownloadView;
    expect(download).toMatchObject({
      filename: '四年级音乐《草原放牧》.mp4',
      url: expect.stringMatching(/video\.mp4\?download=1$/),
    });
    const file = await t.http.get(download.url).buffer(true).parse(binary).expect(200);
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="${'_'.repeat(11)}.mp4"; filename*=UTF-8''${encodeURIComponent('四年级音乐《草原放牧》.mp4')}`,
    );
    await t.http.get(`${BASE}/${resource._id}/download`).set(as['english.zhao']).expect(200);
    const view = (await t.http.get(`${BASE}/${resource._id}`).set(as.admin).expect(200)).body as ResourceView;
    expect(view.downloads).toBe(2);
  });

  it('404s playback of resources the caller may not see', async () => {
    const far = await otherDistrictTeacher(t);
    await t.http.get(`${BASE}/${resource._id}/playback`).set(far.auth).expect(404);
    await t.http.get(`${BASE}/${resource._id}/download`).set(far.auth).expect(404);
  });
});

describe(RecordingIntakeService.name, () => {
  let lesson: LiveSessionView;
  const post = (body: object) =>
    t.http
      .post(`/api/internal/live-sessions/${lesson.id}/events`)
      .set('Authorization', `Bearer ${t.serviceToken('node-1')}`)
      .send(body);
  const at = () => new Date().toISOString();
  const manifestPath = () => `recordings/${lesson.id}/manifest.json`;
  const sessionView = async () =>
    (await t.http.get(`/api/live-sessions/${lesson.id}`).set(as['music.li']).expect(200)).body as LiveSessionView;

  beforeAll(async () => {
    const res = await t.http
      .post('/api/live-sessions')
      .set(as['music.li'])
      .send({ title: '音乐：《茉莉花》', subject: 'music', grade: 4, classroomIds: [DEMO.classroom.tanghe] })
      .expect(201);
    lesson = res.body as LiveSessionView;
    await post({ eventId: randomUUID(), type: 'session.started', at: at(), mediaNodeId: 'node-1' }).expect(201);
    await post({ eventId: randomUUID(), type: 'session.ended', at: at(), reason: 'ended_by_teacher' }).expect(201);
  });

  it('makes one recording resource of the ended lesson, enqueues it and links it from the session', async () => {
    const event = { eventId: randomUUID(), type: 'recording.finished', at: at(), manifestPath: manifestPath() };
    await post(event).expect(201);
    const { resourceId } = await sessionView();
    expect(resourceId).toMatch(/^[0-9a-f]{24}$/);
    const view = (await t.http.get(`${BASE}/${resourceId}`).set(as['music.li']).expect(200)).body as ResourceView;
    expect(view).toMatchObject({
      kind: 'recording',
      title: '音乐：《茉莉花》',
      subject: 'music',
      grade: 4,
      teacher: { id: DEMO.user.musicLi, name: '李静（音乐）' },
      school: { id: DEMO.school.urban },
      visibility: 'community',
      status: 'processing',
      sessionId: lesson.id,
      canEdit: true,
    });
    const stored = await t.app.get(ResourceRepository).findByIdForService(new Types.ObjectId(resourceId));
    expect(stored).toMatchObject({ source: { kind: 'recording', path: manifestPath() }, district: expect.any(String) });
    expect(stored?.createdBy.toHexString()).toBe(DEMO.user.musicLi);
    expect(enqueued.filter((j) => j.resourceId === resourceId)).toEqual([
      { resourceId, communityId: DEMO.community, source: { kind: 'recording', path: manifestPath() } },
    ]);

    // The same event again, and a second report with a new id: still the one resource.
    await post(event).expect(201);
    await post({ ...event, eventId: randomUUID() }).expect(201);
    expect((await sessionView()).resourceId).toBe(resourceId);
    const made = await t.app
      .get(ResourceRepository)
      .count(new Types.ObjectId(DEMO.community), { sessionId: new Types.ObjectId(lesson.id) });
    expect(made).toBe(1);
  });

  it("refuses a manifest path of another lesson's recording", async () => {
    const other = `recordings/${new Types.ObjectId().toHexString()}/manifest.json`;
    const res = await post({ eventId: randomUUID(), type: 'recording.finished', at: at(), manifestPath: other }).expect(
      400,
    );
    expect(res.body.message).toBe("manifestPath must be this lesson's recording manifest");
  });
});
