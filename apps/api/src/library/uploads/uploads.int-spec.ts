import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RedisService } from '@tongke/core';
import * as tus from 'tus-js-client';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { DEMO } from '../../org/testing/org-test.support';
import type { ProcessingJobData } from '../processing/processing-job';
import { ProcessingQueue } from '../processing/processing.queue';
import {
  createUpload,
  deleteUpload,
  filesIn,
  headUpload,
  LESSON_METADATA,
  makeTestVideo,
  resourceModel,
  sha256,
  sha256Of,
  tusMetadata,
} from './testing/upload-test.support';
import { TusRedisLocker } from './tus/tus-redis.locker';
import { RESOURCE_ID_HEADER, TusUploadServer, UPLOADS_PATH } from './tus/tus-upload.server';
import { UploadsController } from './uploads.controller';

const CHUNK = 512 * 1024;

/** A tus upload (tus-js-client, as the web app uses it) through the real API, interrupted and resumed. */
describe(`${UploadsController.name} (resumable upload)`, () => {
  let t: ApiTestApp;
  let endpoint: string;
  let dir: string;
  let video: Buffer;
  let teacher: string;
  const enqueued: ProcessingJobData[] = [];

  beforeAll(async () => {
    t = await startApiTestApp(34);
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    endpoint = `http://127.0.0.1:${port}${UPLOADS_PATH}`;
    dir = await mkdtemp(path.join(tmpdir(), 'tongke-uploads-'));
    video = await readFile(await makeTestVideo(dir, 6));
    teacher = await t.login('music.li');
    // Watches the real queue (the job still runs): which jobs the uploads enqueued.
    const queue = t.app.get(ProcessingQueue);
    const enqueue = queue.enqueue.bind(queue);
    jest.spyOn(queue, 'enqueue').mockImplementation(async (data) => {
      enqueued.push(data);
      return enqueue(data);
    });
  });

  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  const options = (extra: Partial<tus.UploadOptions>): tus.UploadOptions => ({
    endpoint,
    headers: { Authorization: `Bearer ${teacher}` },
    metadata: LESSON_METADATA,
    chunkSize: CHUNK,
    retryDelays: null,
    ...extra,
  });

  /** The processing worker took the resource's job: it left the `queued` stage (or is already published). */
  async function expectPickedUp(resourceId: string): Promise<void> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { status, processing } = await resourceModel(t).findById(resourceId).lean().orFail();
      if (status === 'ready' || processing.stage !== 'queued') return;
      if (Date.now() > deadline) throw new Error(`resource ${resourceId} is still queued (${status})`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** Starts an upload and aborts it once 40 % of the file is on its way (in the middle of a PATCH). */
  function startAndInterrupt(): Promise<string> {
    return new Promise((resolve, reject) => {
      const upload: tus.Upload = new tus.Upload(
        video,
        options({
          onProgress: (sent) => {
            if (sent < video.length * 0.4 || !upload.url) return;
            upload.abort().then(() => resolve(upload.url!), reject);
          },
          onError: reject,
          onSuccess: () => reject(new Error('the upload finished before it was interrupted')),
        }),
      );
      upload.start();
    });
  }

  /** Resumes the upload at `url`; answers the offset of its first PATCH and the resource id it got. */
  function resume(url: string): Promise<{ firstOffset: number; resourceId: string }> {
    return new Promise((resolve, reject) => {
      let firstOffset = -1;
      let resourceId = '';
      const upload = new tus.Upload(
        video,
        options({
          uploadUrl: url,
          onBeforeRequest: (req) => {
            if (req.getMethod() === 'PATCH' && firstOffset < 0) firstOffset = Number(req.getHeader('Upload-Offset'));
          },
          onAfterResponse: (_req, res) => {
            resourceId = res.getHeader(RESOURCE_ID_HEADER) ?? resourceId;
          },
          onError: reject,
          onSuccess: () => resolve({ firstOffset, resourceId }),
        }),
      );
      upload.start();
    });
  }

  /** Sends `count` bytes of a PATCH from `offset` announcing the rest of the file, then drops the connection. */
  function dropMidPatch(url: string, offset: number, count: number): Promise<void> {
    return new Promise((resolve) => {
      const req = http.request(url, {
        method: 'PATCH',
        headers: {
          Authorization: `Bearer ${teacher}`,
          'Tus-Resumable': '1.0.0',
          'Upload-Offset': String(offset),
          'Content-Type': 'application/offset+octet-stream',
          'Content-Length': String(video.length - offset),
        },
      });
      req.on('error', () => undefined);
      req.write(video.subarray(offset, offset + count), () => {
        setTimeout(() => {
          req.destroy();
          resolve();
        }, 300);
      });
    });
  }

  const offsetOf = async (location: string) =>
    Number((await headUpload(t, teacher, location).expect(200)).headers['upload-offset']);

  it('resumes an interrupted upload from the server offset; the file, its resource and its job are right', async () => {
    const url = await startAndInterrupt();
    const location = new URL(url).pathname;
    expect(location).toMatch(new RegExp(`^${UPLOADS_PATH}/[0-9a-f]{32}$`));
    const head = await headUpload(t, teacher, location).expect(200);
    expect(head.headers['upload-length']).toBe(String(video.length));
    const aborted = await offsetOf(location);
    expect(aborted).toBeGreaterThan(0);
    expect(aborted).toBeLessThan(video.length * 0.5);

    // The connection drops in the middle of a request: the server keeps what it received.
    await dropMidPatch(url, aborted, 1_000_000);
    const dropped = await offsetOf(location);
    expect(dropped).toBeGreaterThan(aborted);
    expect(dropped).toBeLessThanOrEqual(aborted + 1_000_000);

    const { firstOffset, resourceId } = await resume(url);
    expect(firstOffset).toBe(dropped);
    expect(resourceId).toMatch(/^[0-9a-f]{24}$/);

    const resource = await resourceModel(t).findById(resourceId).lean().orFail();
    expect(resource).toMatchObject({
      kind: 'upload',
      status: 'processing',
      title: '四年级音乐《草原放牧》',
      description: '内蒙古民歌欣赏与演唱',
      subject: 'music',
      grade: 4,
      textbookEdition: '人音版',
      chapter: '第三单元 草原',
      tags: ['音乐', '民歌', '欣赏'],
      visibility: 'community',
      teacher: { name: '李静（音乐）' },
      school: { name: expect.any(String) },
      source: {
        kind: 'upload',
        path: `sources/${resourceId}/source.mp4`,
        filename: '草原放牧.mp4',
        size: video.length,
        sha256: sha256(video),
      },
    });
    expect(resource.communityId.toHexString()).toBe(DEMO.community);
    expect(resource.createdBy.toHexString()).toBe(DEMO.user.musicLi);
    expect(resource.teacher?.id.toHexString()).toBe(DEMO.user.musicLi);
    expect(resource.school?.id.toHexString()).toBe(DEMO.school.urban);
    expect(resource.searchTokens).toEqual(expect.arrayContaining(['音乐', '草原', '放牧']));
    expect(await sha256Of(path.join(t.config.storage.root, resource.source.path))).toBe(sha256(video));
    expect(enqueued).toContainEqual({
      resourceId,
      communityId: DEMO.community,
      source: { kind: 'upload', path: resource.source.path },
    });
    await expectPickedUp(resourceId);
    expect(await filesIn(t, 'uploads')).toEqual([]);
    await headUpload(t, teacher, location).expect(404);
  });

  it('finishes an upload sent whole with its creation (201, Location and the resource id)', async () => {
    const small = await readFile(await makeTestVideo(dir, 2, 'short.mp4'));
    const res = await createUpload(t, teacher, small.length, tusMetadata({ ...LESSON_METADATA, title: '短片' }), small);
    expect(res.status).toBe(201);
    expect(res.headers['upload-offset']).toBe(String(small.length));
    expect(res.headers['upload-expires']).toBeUndefined();
    const resourceId = res.headers[RESOURCE_ID_HEADER.toLowerCase()] as string;
    const resource = await resourceModel(t).findById(resourceId).lean().orFail();
    expect(resource.title).toBe('短片');
    expect(resource.source.sha256).toBe(sha256(small));
    expect((await stat(path.join(t.config.storage.root, resource.source.path))).size).toBe(small.length);
    expect(await filesIn(t, 'uploads')).toEqual([]);
  });

  it('answers unfinished uploads with when they expire, lets them be cancelled, and sweeps expired ones', async () => {
    const meta = tusMetadata(LESSON_METADATA);
    const created = await createUpload(t, teacher, 1000, meta, Buffer.alloc(100)).expect(201);
    const expires = Date.parse(created.headers['upload-expires']);
    expect(expires - Date.now()).toBeGreaterThan(23.9 * 3600 * 1000);
    await deleteUpload(t, teacher, created.headers.location).expect(204);
    expect(await filesIn(t, 'uploads')).toEqual([]);

    const stale = await createUpload(t, teacher, 1000, meta).expect(201);
    const tusServer = t.app.get(TusUploadServer);
    expect(await tusServer.sweepExpired(new Date())).toBe(0);
    expect(await tusServer.sweepExpired(new Date(Date.now() + 25 * 3600 * 1000))).toBe(1);
    expect(await filesIn(t, 'uploads')).toEqual([]);
    await headUpload(t, teacher, stale.headers.location).expect(404);
  });

  it('answers OPTIONS without sign-in with the tus version, extensions and limit', async () => {
    const res = await t.http.options(UPLOADS_PATH).expect(204);
    expect(res.headers['tus-version']).toBe('1.0.0');
    expect(res.headers['tus-extension']).toContain('creation-with-upload');
    expect(res.headers['tus-max-size']).toBe(String(t.config.library.uploadMaxBytes));
  });

  describe(TusRedisLocker.name, () => {
    const id = () => randomBytes(16).toString('hex');
    const never = () => new AbortController().signal;

    it('hands an upload over between API processes: the holder is asked to let go, then the waiter gets it', async () => {
      const here = t.app.get(TusRedisLocker);
      const elsewhere = new TusRedisLocker(t.app.get(RedisService));
      await elsewhere.onModuleInit();
      try {
        const upload = id();
        const held = elsewhere.newLock(upload);
        const letGo = jest.fn(() => held.unlock());
        await held.lock(never(), letGo);
        const waiting = here.newLock(upload);
        await waiting.lock(never(), () => undefined);
        expect(letGo).toHaveBeenCalledTimes(1);
        await waiting.unlock();
        const again = elsewhere.newLock(upload);
        await again.lock(never(), () => undefined);
        await again.unlock();
      } finally {
        await elsewhere.onModuleDestroy();
      }
    });

    it('gives up when the waiting request ends while the holder keeps the lock', async () => {
      const locker = t.app.get(TusRedisLocker);
      const upload = id();
      const held = locker.newLock(upload);
      await held.lock(never(), () => undefined);
      const stop = new AbortController();
      setTimeout(() => stop.abort(), 300);
      await expect(locker.newLock(upload).lock(stop.signal, () => undefined)).rejects.toMatchObject({
        status_code: 500,
      });
      await held.unlock();
    });
  });
});
