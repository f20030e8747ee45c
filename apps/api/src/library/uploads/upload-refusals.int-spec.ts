import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Types } from 'mongoose';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { DEMO } from '../../org/testing/org-test.support';
import {
  createUpload,
  deleteUpload,
  filesIn,
  headUpload,
  LESSON_METADATA,
  makeTestVideo,
  patchUpload,
  resourceModel,
  tusMetadata,
} from './testing/upload-test.support';
import { UPLOADS_PATH } from './tus/tus-upload.server';
import { UploadsController } from './uploads.controller';

const LIMIT_MB = 16;

/** Bad input and callers who may not upload: clear errors, nothing stored, nothing published. */
describe(`${UploadsController.name} (refusals)`, () => {
  let t: ApiTestApp;
  let dir: string;
  let teacher: string;
  const meta = (overrides: Record<string, string> = {}) => tusMetadata({ ...LESSON_METADATA, ...overrides });

  beforeAll(async () => {
    t = await startApiTestApp(35, { env: { UPLOAD_MAX_MB: String(LIMIT_MB) } });
    dir = await mkdtemp(path.join(tmpdir(), 'tongke-upload-refusals-'));
    teacher = await t.login('music.li');
  });

  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Creates an upload of `bytes` and sends them all in one PATCH; answers that PATCH's response. */
  async function uploadWhole(bytes: Buffer, overrides: Record<string, string> = {}) {
    const created = await createUpload(t, teacher, bytes.length, meta(overrides)).expect(201);
    return patchUpload(t, teacher, created.headers.location, 0, bytes);
  }

  async function expectNothingKept(): Promise<void> {
    expect(await filesIn(t, 'uploads')).toEqual([]);
    expect(await filesIn(t, 'sources')).toEqual([]);
    expect(await resourceModel(t).countDocuments({})).toBe(0);
  }

  it('refuses a text file named .mp4 when it is complete: 400 BAD_FILE, nothing kept', async () => {
    const text = Buffer.from('这不是视频，只是一段文字。\n'.repeat(2000));
    const res = await uploadWhole(text, { filename: 'notes.mp4' });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body.code).toBe('BAD_FILE');
    // ffprobe either fails to read it or finds no video stream in it, depending on the bytes.
    expect(res.body.message).toMatch(/^(not a readable media file: .+|the file has no video stream)$/);
    expect(res.headers['tongke-resource-id']).toBeUndefined();
    await expectNothingKept();
  });

  it('refuses a truncated MP4 (its first half, without the moov atom at its end): BAD_FILE, nothing kept', async () => {
    const whole = await readFile(await makeTestVideo(dir, 4));
    const res = await uploadWhole(whole.subarray(0, Math.floor(whole.length / 2)));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      code: 'BAD_FILE',
      message: 'not a readable media file: 草原放牧.mp4: Invalid data found when processing input',
    });
    await expectNothingKept();
  });

  it('refuses file names with a path in them at creation, before any byte is stored', async () => {
    for (const filename of ['../../x.mp4', 'a/b.mp4', '..\\..\\x.mp4', '/etc/passwd.mp4']) {
      const res = await createUpload(t, teacher, 1000, meta({ filename })).expect(400);
      expect(res.body).toEqual({
        code: 'BAD_REQUEST',
        message: 'filename must be a plain video file name (.mp4, .webm, .mov, ...)',
      });
    }
    await expectNothingKept();
  });

  it('refuses bad metadata at creation, naming the key', async () => {
    const cases: [Record<string, string>, string | RegExp][] = [
      [{ subject: 'alchemy' }, /^subject: Invalid option/],
      [{ grade: '10' }, 'grade must be 1-9'],
      [{ title: '' }, 'title is required'],
      [{ description: 'x'.repeat(4001) }, /^description: Too big/],
      [{ owner: 'me' }, /^unknown Upload-Metadata key\(s\): owner /],
      [{ seriesId: new Types.ObjectId().toHexString() }, /^seriesId: no series [0-9a-f]{24} in this community$/],
    ];
    for (const [overrides, message] of cases) {
      const res = await createUpload(t, teacher, 1000, meta(overrides));
      expect([res.status, res.body.message]).toEqual([
        overrides.seriesId ? 404 : 400,
        typeof message === 'string' ? message : expect.stringMatching(message),
      ]);
    }
    const noMetadata = await t.http
      .post(UPLOADS_PATH)
      .set({ Authorization: `Bearer ${teacher}`, 'Tus-Resumable': '1.0.0', 'Upload-Length': '1000' })
      .expect(400);
    expect(noMetadata.body.message).toBe(
      'title is required; subject is required; grade is required; filename is required',
    );
    const emptyMetadata = await createUpload(t, teacher, 1000, '').expect(400);
    expect(emptyMetadata.body).toEqual({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/^Upload-Metadata is invalid: /),
    });
    const notBase64 = await createUpload(t, teacher, 1000, 'title ***').expect(400);
    expect(notBase64.body.code).toBe('BAD_REQUEST');
    expect(notBase64.body.message).toMatch(/^Upload-Metadata is invalid: /);
    await expectNothingKept();
  });

  it('refuses huge metadata: a 10 000-character title (400, or 431 from Node for the header) and 500 tags (400)', async () => {
    const latinTitle = await createUpload(t, teacher, 1000, meta({ title: 'x'.repeat(10_000) }));
    expect(latinTitle.status).toBe(400);
    expect(latinTitle.body.message).toBe('title: Too big: expected string to have <=120 characters');
    // 10 000 Chinese characters are 40 kB in base64: more than Node accepts in the headers (16 kB).
    const chineseTitle = await createUpload(t, teacher, 1000, meta({ title: '长'.repeat(10_000) }));
    expect(chineseTitle.status).toBe(431);
    const tags = Array.from({ length: 500 }, (_, i) => `标签${i}`).join(',');
    const manyTags = await createUpload(t, teacher, 1000, meta({ tags })).expect(400);
    expect(manyTags.body).toEqual({ code: 'BAD_REQUEST', message: 'tags: at most 20 tags of at most 30 characters' });
    await expectNothingKept();
  });

  it('refuses an Upload-Length over the limit (413), a missing one, and an empty file', async () => {
    const tooBig = await createUpload(t, teacher, LIMIT_MB * 1024 * 1024 + 1, meta()).expect(413);
    expect(tooBig.body).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: `the video is larger than the upload limit of ${LIMIT_MB} MB`,
    });
    const noLength = await t.http
      .post(UPLOADS_PATH)
      .set({ Authorization: `Bearer ${teacher}`, 'Tus-Resumable': '1.0.0', 'Upload-Metadata': meta() })
      .expect(400);
    expect(noLength.body).toEqual({ code: 'BAD_REQUEST', message: 'Upload-Length is required' });
    const deferred = await t.http
      .post(UPLOADS_PATH)
      .set({ Authorization: `Bearer ${teacher}`, 'Tus-Resumable': '1.0.0', 'Upload-Metadata': meta() })
      .set('Upload-Defer-Length', '1')
      .expect(400);
    expect(deferred.body.message).toBe('Upload-Length is required (uploads of deferred length are not accepted)');
    const empty = await createUpload(t, teacher, 0, meta()).expect(400);
    expect(empty.body).toEqual({ code: 'BAD_FILE', message: 'the file is empty' });
    await expectNothingKept();
  });

  it('refuses more bytes than the Upload-Length, keeping the upload resumable', async () => {
    const created = await createUpload(t, teacher, 10, meta()).expect(201);
    const res = await patchUpload(t, teacher, created.headers.location, 0, Buffer.alloc(20)).expect(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    const head = await headUpload(t, teacher, created.headers.location).expect(200);
    expect(head.headers['upload-offset']).toBe('0');
    await deleteUpload(t, teacher, created.headers.location).expect(204);
    await expectNothingKept();
  });

  it('answers 401 without a token, 403 to a classroom terminal and an assistant', async () => {
    const anonymous = await t.http
      .post(UPLOADS_PATH)
      .set({ 'Tus-Resumable': '1.0.0', 'Upload-Length': '1000', 'Upload-Metadata': meta() })
      .expect(401);
    expect(anonymous.body.code).toBe('UNAUTHENTICATED');
    for (const account of ['terminal.1', 'assistant.liu']) {
      const res = await createUpload(t, await t.login(account), 1000, meta()).expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    await expectNothingKept();
  });

  it("lets nobody else resume, read or cancel someone's upload (403), and keeps it intact", async () => {
    const bytes = Buffer.from('0123456789');
    const created = await createUpload(t, teacher, 100, meta(), bytes).expect(201);
    expect(created.headers['upload-offset']).toBe('10');
    const url = created.headers.location;
    for (const account of ['english.zhao', 'admin', 'research.sun']) {
      const other = await t.login(account);
      expect((await patchUpload(t, other, url, 10, bytes)).status).toBe(403);
      expect((await headUpload(t, other, url)).status).toBe(403);
      const cancel = await deleteUpload(t, other, url).expect(403);
      expect(cancel.body).toEqual({ code: 'FORBIDDEN', message: 'this upload belongs to another account' });
    }
    expect((await headUpload(t, teacher, url).expect(200)).headers['upload-offset']).toBe('10');
    await deleteUpload(t, teacher, url).expect(204);
    await headUpload(t, teacher, url).expect(404);
    await expectNothingKept();
  });

  it('answers unknown and malformed upload ids with 404', async () => {
    await headUpload(t, teacher, `${UPLOADS_PATH}/${'0'.repeat(32)}`).expect(404);
    const traversal = await patchUpload(t, teacher, `${UPLOADS_PATH}/..%2F..%2Fetc`, 0, Buffer.from('x'));
    expect(traversal.status).toBe(404);
    expect(traversal.body.code).toBe('NOT_FOUND');
  });

  it('asks a district admin for the community, and accepts one of their district only', async () => {
    const zhou = await t.login('district.zhou');
    const none = await createUpload(t, zhou, 1000, meta()).expect(400);
    expect(none.body.message).toMatch(/^communityId is required/);
    const unknown = await createUpload(t, zhou, 1000, meta({ communityId: new Types.ObjectId().toHexString() }));
    expect(unknown.status).toBe(404);
    const own = await createUpload(t, zhou, 1000, meta({ communityId: DEMO.community })).expect(201);
    await deleteUpload(t, zhou, own.headers.location).expect(204);
    await expectNothingKept();
  });
});
