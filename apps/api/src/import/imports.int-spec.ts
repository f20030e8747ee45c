import { type ImportJobView, type LoginResponse, Role } from '@tongke/contracts';
import { Workbook } from 'exceljs';
import iconv from 'iconv-lite';
import { Types } from 'mongoose';
import { type ApiTestApp, startApiTestApp } from '../../../../test/support/api-test-app';
import { AuditEntry } from '../audit/audit-entry.schema';
import { ClassGroup } from '../org/schemas/class-group.schema';
import { Classroom } from '../org/schemas/classroom.schema';
import { School } from '../org/schemas/school.schema';
import { User } from '../org/schemas/user.schema';
import { ImportsService } from './imports.service';
import {
  bearer,
  commit,
  csv,
  DEMO_COMMUNITY_ID,
  DEMO_DISTRICT,
  dryRun,
  getJob,
  insertAccount,
  insertCommunity,
  model,
  upload,
} from './testing/import-test.support';

const TANGHE = '74e9c0000000000000000065';
const base = `/api/communities/${DEMO_COMMUNITY_ID}/imports`;

describe(ImportsService.name, () => {
  let t: ApiTestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startApiTestApp(7);
    admin = await t.login('admin');
  });

  afterAll(async () => {
    await t.close();
  });

  it('dry-runs and commits a good CSV of schools, with an audit entry', async () => {
    const file = csv([
      ['学校名称', '城乡类型', '学段', '地址', '教学点', '学生数'],
      ['鹿楼乡中心小学', '乡村', '小学', '山城区鹿楼乡', '否', 420],
      ['鹿楼乡白龙庙教学点', '乡村', '小学', '', '是', 12],
      ['山城区第二实验中学', '城区', '初中', '红旗街道', '', ''],
    ]);
    const started = await upload(t, admin, 'schools', '新学校.csv', file).expect(202);
    expect(started.body).toMatchObject({ kind: 'schools', fileName: '新学校.csv', rows: 3, progress: { total: 3 } });
    const validated = await dryRun(t, admin, 'schools', '新学校.csv', file);
    expect(validated).toMatchObject({ status: 'validated', errors: [], progress: { done: 3, total: 3 } });

    const done = await commit(t, admin, validated.id);
    expect(done).toMatchObject({ status: 'committed', created: 3, progress: { done: 3, total: 3 } });
    expect(done.credentials).toBeUndefined();
    const schools = await model<School>(t, School.name)
      .find({ importId: new Types.ObjectId(done.id) })
      .sort({ name: 1 })
      .lean();
    expect(schools.map((s) => [s.name, s.kind, s.stage, s.teachingPoint, s.studentCount])).toEqual([
      ['山城区第二实验中学', 'urban', 'junior', false, 0],
      ['鹿楼乡中心小学', 'rural', 'primary', false, 420],
      ['鹿楼乡白龙庙教学点', 'rural', 'primary', true, 12],
    ]);
    expect(schools.every((s) => s.communityId.toHexString() === DEMO_COMMUNITY_ID)).toBe(true);
    const audit = await model<AuditEntry>(t, AuditEntry.name)
      .findOne({ action: 'import.commit', targetId: done.id })
      .lean();
    expect(audit).toMatchObject({ actorName: '联盟管理员 王芳', targetType: 'import', targetName: '新学校.csv' });

    const again = await t.http.post(`${base}/${done.id}/commit`).set(bearer(admin)).expect(409);
    expect(again.body).toEqual({ code: 'CONFLICT', message: "can't commit: this import was committed already" });
    // The first upload of the same file now clashes with what was committed: every row is a duplicate.
    const stale = await dryRun(t, admin, 'schools', '新学校.csv', file);
    expect(stale.errors.map((e) => [e.row, e.column])).toEqual([
      [2, '学校名称'],
      [3, '学校名称'],
      [4, '学校名称'],
    ]);
  });

  it('reports every bad row (row, column as written, reason) and refuses to commit it', async () => {
    const file = csv([
      ['学校', '教室', 'Seats', '备注'],
      ['汤河乡中心小学', '科学实验室', 40, ''],
      ['不存在的小学', '音乐教室', 30, ''],
      ['汤河乡中心小学', '', 'thirty', ''],
      ['石林镇小学', '四年级 同步课堂教室', 20, '已有'],
      ['汤河乡中心小学', '科学实验室', 900, ''],
    ]);
    const job = await dryRun(t, admin, 'classrooms', 'rooms.csv', file);
    expect(job.status).toBe('validated');
    expect(job.errors).toEqual([
      { row: 3, column: '学校', reason: 'no school named "不存在的小学" in this community' },
      { row: 4, column: '教室', reason: 'required' },
      { row: 4, column: 'Seats', reason: '"thirty" is not a whole number' },
      { row: 5, column: '教室', reason: '石林镇小学 already has a classroom named "四年级 同步课堂教室"' },
      { row: 6, column: 'Seats', reason: '900 is out of range 0–500' },
      { row: 6, column: '教室', reason: 'duplicate: row 2 has the same classroom at 汤河乡中心小学' },
    ]);
    const refused = await t.http.post(`${base}/${job.id}/commit`).set(bearer(admin)).expect(409);
    expect(refused.body.message).toBe("can't commit: the file has problems: fix them and upload it again");
    expect(await model<Classroom>(t, Classroom.name).countDocuments({ name: '科学实验室' })).toBe(0);
    expect((await getJob(t, admin, job.id)).status).toBe('validated');
  });

  it('imports an XLSX of class groups with Chinese headers (first sheet)', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('班级');
    sheet.addRow(['学校名称', '年级', '班级', '人数', '班主任', '教室名称']);
    sheet.addRow(['汤河乡中心小学', '六年级', '(1)班', 33, 'assistant.liu', '四年级（1）班 同步课堂教室']);
    sheet.addRow(['汤河乡中心小学', '三年级', 2, 29, '', '']);
    workbook.addWorksheet('填写说明').addRow(['年级写 1–9 或 四年级']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const job = await dryRun(t, admin, 'class_groups', '班级名单.xlsx', bytes);
    expect(job).toMatchObject({ status: 'validated', errors: [], rows: 2, fileName: '班级名单.xlsx' });
    expect(await commit(t, admin, job.id)).toMatchObject({ status: 'committed', created: 2 });
    const groups = await model<ClassGroup>(t, ClassGroup.name)
      .find({ importId: new Types.ObjectId(job.id) })
      .sort({ grade: 1 })
      .lean();
    expect(groups.map((g) => [g.schoolId.toHexString(), g.grade, g.classNumber, g.studentCount])).toEqual([
      [TANGHE, 3, 2, 29],
      [TANGHE, 6, 1, 33],
    ]);
    expect(groups[1].headTeacherId?.toHexString()).toBe('74e9c0000000000000000130');
    expect(groups[1].classroomId?.toHexString()).toBe('74e9c00000000000000000c9');
  });

  it('imports teachers from a GBK CSV (Excel on Chinese Windows); their passwords are shown once and work', async () => {
    const text =
      '用户名,姓名,学校名称,任教学科,角色\r\nZhang.Hua,张华,汤河乡中心小学,语文、数学,教师\r\nliu.fang,刘芳,石林镇小学,,助教\r\n';
    const job = await dryRun(t, admin, 'teachers', '教师.csv', iconv.encode(text, 'gbk'));
    expect(job).toMatchObject({ status: 'validated', errors: [] });
    const done = await commit(t, admin, job.id);
    expect(done).toMatchObject({ status: 'committed', created: 2 });
    expect(done.credentials?.map((c) => c.username)).toEqual(['zhang.hua', 'liu.fang']);
    expect((await getJob(t, admin, job.id)).credentials).toBeUndefined();

    const users = await model<User>(t, User.name)
      .find({ importId: new Types.ObjectId(job.id) })
      .select('+passwordHash')
      .lean();
    expect(users.map((u) => [u.username, u.displayName, u.roles, u.subjects])).toEqual([
      ['zhang.hua', '张华', [Role.TEACHER], ['chinese', 'math']],
      ['liu.fang', '刘芳', [Role.ASSISTANT], []],
    ]);
    expect(users.every((u) => (u as unknown as { passwordHash: string }).passwordHash.startsWith('$argon2id$'))).toBe(
      true,
    );
    for (const { username, password } of done.credentials ?? []) {
      expect(password).toMatch(/^[A-Za-z2-9]{12}$/);
      const login = await t.http.post('/api/auth/login').send({ username, password }).expect(200);
      expect((login.body as LoginResponse).user).toMatchObject({ username, communityId: DEMO_COMMUNITY_ID });
    }
  });

  it('lists recent imports newest first, without passwords', async () => {
    const list = (await t.http.get(base).set(bearer(admin)).expect(200)).body as ImportJobView[];
    expect(list.length).toBeGreaterThanOrEqual(5);
    expect(list[0].kind).toBe('teachers');
    expect(list.every((j) => j.credentials === undefined && j.communityId === DEMO_COMMUNITY_ID)).toBe(true);
    const times = list.map((j) => Date.parse(j.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('documents the routes in OpenAPI (multipart upload, job view)', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    const path = '/api/communities/{communityId}/imports';
    expect(Object.keys(doc.paths[path])).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(doc.paths[path].post.requestBody?.content ?? {})).toEqual(['multipart/form-data']);
    expect(doc.paths[`${path}/{importId}`].get).toBeDefined();
    expect(doc.paths[`${path}/{importId}/commit`].post).toBeDefined();
    expect(Object.keys(doc.components.schemas.ImportJobViewDto.properties)).toEqual(
      expect.arrayContaining(['status', 'progress', 'errors', 'credentials']),
    );
  });

  describe('access', () => {
    const file = csv([
      ['学校名称', '城乡类型', '学段'],
      ['权限测试小学', '乡村', '小学'],
    ]);
    let someJob: string;

    beforeAll(async () => {
      someJob = (await dryRun(t, admin, 'schools', 'a.csv', file)).id;
    });

    it('refuses teachers, school admins and terminals (403) and anonymous callers (401)', async () => {
      const schoolAdmin = await insertAccount(t, {
        roles: [Role.SCHOOL_ADMIN],
        communityId: new Types.ObjectId(DEMO_COMMUNITY_ID),
      });
      for (const token of [await t.login('music.li'), await t.login('terminal.2'), schoolAdmin]) {
        await upload(t, token, 'schools', 'a.csv', file).expect(403);
        await t.http.get(base).set(bearer(token)).expect(403);
        await t.http.get(`${base}/${someJob}`).set(bearer(token)).expect(403);
        await t.http.post(`${base}/${someJob}/commit`).set(bearer(token)).expect(403);
      }
      await t.http.get(base).expect(401);
    });

    it("refuses admins of another community or district (403) and hides one community's imports from another (404)", async () => {
      const otherCommunity = await insertCommunity(t);
      const otherAdmin = await insertAccount(t, { roles: [Role.COMMUNITY_ADMIN], communityId: otherCommunity });
      const otherDistrict = await insertAccount(t, { roles: [Role.DISTRICT_ADMIN], district: '淇滨区教育局' });
      for (const token of [otherAdmin, otherDistrict]) {
        const res = await upload(t, token, 'schools', 'a.csv', file).expect(403);
        expect(res.body.code).toBe('FORBIDDEN');
        await t.http.get(`${base}/${someJob}`).set(bearer(token)).expect(403);
        await t.http.post(`${base}/${someJob}/commit`).set(bearer(token)).expect(403);
      }
      const theirs = `/api/communities/${otherCommunity.toHexString()}/imports`;
      await t.http.get(`${theirs}/${someJob}`).set(bearer(otherAdmin)).expect(404);
      await t.http.post(`${theirs}/${someJob}/commit`).set(bearer(otherAdmin)).expect(404);
      expect((await t.http.get(theirs).set(bearer(otherAdmin)).expect(200)).body).toEqual([]);
      await t.http.get(`${base}/${new Types.ObjectId().toHexString()}`).set(bearer(admin)).expect(404);
      await t.http.get(`${base}/not-an-id`).set(bearer(admin)).expect(400);
    });

    it("lets the district's admin import into the community", async () => {
      const districtAdmin = await insertAccount(t, { roles: [Role.DISTRICT_ADMIN], district: DEMO_DISTRICT });
      const res = await upload(t, districtAdmin, 'schools', 'a.csv', file).expect(202);
      expect((await getJob(t, districtAdmin, (res.body as ImportJobView).id)).communityId).toBe(DEMO_COMMUNITY_ID);
    });
  });
});
