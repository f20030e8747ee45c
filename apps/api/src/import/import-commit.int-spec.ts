import type { ImportJobView } from '@tongke/contracts';
import { Types } from 'mongoose';
import { type ApiTestApp, startApiTestApp } from '../../../../test/support/api-test-app';
import { ClassroomRepository } from '../org/repositories/classroom.repository';
import { Classroom } from '../org/schemas/classroom.schema';
import { School } from '../org/schemas/school.schema';
import { ImportCommitService } from './jobs/import-commit.service';
import { IMPORT_SILENCE_LIMIT_MS } from './jobs/import.watchdog';
import { ImportJobRepository } from './persistence/import-job.repository';
import { ImportJob } from './persistence/import-job.schema';
import { ImportRowChunk } from './persistence/import-row-chunk.schema';
import { bearer, commit, csv, DEMO_COMMUNITY_ID, dryRun, getJob, model, settle } from './testing/import-test.support';

const COMMUNITY = new Types.ObjectId(DEMO_COMMUNITY_ID);
const SHILIN = new Types.ObjectId('74e9c0000000000000000066');
const base = `/api/communities/${DEMO_COMMUNITY_ID}/imports`;

/** A classrooms file for 石林镇小学 with rooms `${prefix} 1` … `${prefix} n`. */
function rooms(prefix: string, n: number): Buffer {
  const rows = Array.from({ length: n }, (_, i) => ['石林镇小学', `${prefix} ${i + 1}`, 30, '希沃一体机']);
  return csv([['学校名称', '教室名称', '座位数', '终端型号'], ...rows]);
}

const importedBy = (id: string) => ({ importId: new Types.ObjectId(id) });

describe(ImportCommitService.name, () => {
  let t: ApiTestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startApiTestApp(9);
    admin = await t.login('admin');
  });

  afterAll(async () => {
    await t.close();
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('re-validates against the database: a duplicate created after the dry run fails the commit, nothing kept', async () => {
    const file = csv([
      ['学校名称', '城乡类型', '学段'],
      ['鹿楼乡第二小学', '乡村', '小学'],
      ['鹿楼乡第三小学', '乡村', '小学'],
    ]);
    const job = await dryRun(t, admin, 'schools', 'schools.csv', file);
    expect(job).toMatchObject({ status: 'validated', errors: [] });
    await model<School>(t, School.name).create({
      communityId: COMMUNITY,
      name: '鹿楼乡第三小学',
      kind: 'rural',
      stage: 'primary',
    });

    const failed = await commit(t, admin, job.id);
    expect(failed).toMatchObject({
      status: 'failed',
      failure: "nothing was imported: the community's data changed since the dry run (see the problems)",
      errors: [
        { row: 3, column: '学校名称', reason: 'a school named "鹿楼乡第三小学" already exists in this community' },
      ],
    });
    expect(await model<School>(t, School.name).countDocuments(importedBy(job.id))).toBe(0);
    expect(await model<School>(t, School.name).countDocuments({ name: '鹿楼乡第二小学' })).toBe(0);
    expect(await model<ImportRowChunk>(t, ImportRowChunk.name).countDocuments({ jobId: job.id })).toBe(0);
    const again = await t.http.post(`${base}/${job.id}/commit`).set(bearer(admin)).expect(409);
    expect(again.body.message).toBe("can't commit: this import failed: upload the file again");
  });

  it('removes every record already written when a batch fails mid-commit (all or nothing)', async () => {
    const job = await dryRun(t, admin, 'classrooms', 'rooms.csv', rooms('甲教室', 1200));
    expect(job).toMatchObject({ status: 'validated', errors: [], rows: 1200 });
    const repo = t.app.get(ClassroomRepository);
    const insert = repo.insertForImport.bind(repo);
    let batches = 0;
    jest.spyOn(repo, 'insertForImport').mockImplementation(async (communityId, importId, docs) => {
      if (++batches === 2) {
        // Someone else creates a room of this very batch between the re-validation and its insert.
        await model<Classroom>(t, Classroom.name).create({ communityId, schoolId: SHILIN, name: docs[10].name });
      }
      return insert(communityId, importId, docs);
    });

    const failed = await commit(t, admin, job.id);
    expect(batches).toBe(2);
    expect(failed).toMatchObject({
      status: 'failed',
      failure:
        'nothing was imported: a record with the same name or username was created by someone else while importing',
    });
    expect(failed.created).toBeUndefined();
    expect(await model<Classroom>(t, Classroom.name).countDocuments(importedBy(job.id))).toBe(0);
    expect(await model<Classroom>(t, Classroom.name).countDocuments({ name: /^甲教室 / })).toBe(1);
  });

  it('shows progress while validating and committing a 5,000-row file', async () => {
    const jobs = t.app.get(ImportJobRepository);
    const setProgress = jest.spyOn(jobs, 'setProgress');
    const job = await dryRun(t, admin, 'classrooms', 'rooms-5000.csv', rooms('乙教室', 5000));
    expect(job).toMatchObject({ status: 'validated', errors: [], progress: { done: 5000, total: 5000 } });
    const steps = Array.from({ length: 10 }, (_, i) => (i + 1) * 500);
    expect(setProgress.mock.calls.filter((c) => c[1] === 'validating').map((c) => c[2])).toEqual(steps);

    await t.http.post(`${base}/${job.id}/commit`).set(bearer(admin)).expect(202);
    const seen = await settle(t, admin, job.id);
    expect(seen[seen.length - 1]).toMatchObject({
      status: 'committed',
      created: 5000,
      progress: { done: 5000, total: 5000 },
    });
    expect(setProgress.mock.calls.filter((c) => c[1] === 'committing').map((c) => c[2])).toEqual(steps);
    const committing = seen.filter((v) => v.status === 'committing').map((v) => v.progress.done);
    expect(committing.some((done) => done > 0 && done < 5000)).toBe(true);
    expect([...committing].sort((a, b) => a - b)).toEqual(committing);
    expect(await model<Classroom>(t, Classroom.name).countDocuments(importedBy(job.id))).toBe(5000);
  });

  describe('jobs left running by a stopped process', () => {
    const silentFor = (ms: number) => new Date(Date.now() - ms);

    async function insertJob(status: 'validating' | 'committing', heartbeatAt: Date): Promise<ImportJob> {
      const doc = await model<ImportJob>(t, ImportJob.name).create({
        communityId: COMMUNITY,
        kind: 'classrooms',
        fileName: 'crashed.csv',
        status,
        progress: { done: 500, total: 1000 },
        rows: 1000,
        columns: [],
        rowErrors: [],
        createdById: new Types.ObjectId(),
        heartbeatAt,
      });
      return doc.toObject();
    }

    it('reports a silent dry run as failed on the next read; a live one stays running', async () => {
      const silent = await insertJob('validating', silentFor(IMPORT_SILENCE_LIMIT_MS + 1000));
      const live = await insertJob('validating', silentFor(1000));
      expect(await getJob(t, admin, silent._id.toHexString())).toMatchObject({
        status: 'failed',
        failure: 'the dry run stopped: the server running it went away',
      });
      expect((await getJob(t, admin, live._id.toHexString())).status).toBe('validating');
      const refused = await t.http.post(`${base}/${live._id.toHexString()}/commit`).set(bearer(admin)).expect(409);
      expect(refused.body.message).toBe("can't commit: the dry run is still running");
    });

    it('fails a silent commit and removes the records it had written', async () => {
      const job = await insertJob('committing', silentFor(IMPORT_SILENCE_LIMIT_MS + 1000));
      await model<Classroom>(t, Classroom.name).insertMany(
        ['丙教室 1', '丙教室 2'].map((name) => ({ communityId: COMMUNITY, schoolId: SHILIN, name, importId: job._id })),
      );
      const list = (await t.http.get(base).set(bearer(admin)).expect(200)).body as ImportJobView[];
      expect(list.find((j) => j.id === job._id.toHexString())).toMatchObject({
        status: 'failed',
        failure: 'the commit stopped: the server running it went away; nothing was imported',
      });
      expect(await model<Classroom>(t, Classroom.name).countDocuments({ importId: job._id })).toBe(0);
    });
  });
});
