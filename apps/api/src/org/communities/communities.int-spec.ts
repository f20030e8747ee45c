import { getModelToken } from '@nestjs/mongoose';
import type { CommunityOverview, CommunityView, SchoolView } from '@tongke/contracts';
import type { Model } from 'mongoose';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { AuditEntry } from '../../audit/audit-entry.schema';
import {
  DEMO,
  insertOtherCommunity,
  latestAudit,
  type OrgLogin,
  type OtherCommunity,
  signInAll,
} from '../testing/org-test.support';
import { CommunitiesService } from './communities.service';

const DISTRICT = '鹤壁市山城区教育体育局';
const demoUrl = `/api/communities/${DEMO.community}`;

describe(CommunitiesService.name, () => {
  let t: ApiTestApp;
  let auth: (user: OrgLogin) => { Authorization: string };
  let other: OtherCommunity;

  beforeAll(async () => {
    t = await startApiTestApp(1);
    auth = await signInAll(t);
    other = await insertOtherCommunity(t);
  });

  afterAll(async () => {
    await t.close();
  });

  it('documents every org route in the OpenAPI document', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { parameters?: { name: string }[]; security?: unknown[] }>>;
    };
    const c = '/api/communities/{communityId}';
    const expected: [string, string[]][] = [
      ['/api/communities', ['get', 'post']],
      [c, ['get', 'patch']],
      [`${c}/overview`, ['get']],
      [`${c}/schools`, ['get', 'post']],
      [`${c}/schools/{schoolId}`, ['get', 'patch', 'delete']],
      [`${c}/pairings`, ['get', 'post']],
      [`${c}/pairings/{pairingId}`, ['patch', 'delete']],
      [`${c}/classrooms`, ['get', 'post']],
      [`${c}/classrooms/{classroomId}`, ['get', 'patch', 'delete']],
      [`${c}/class-groups`, ['get', 'post']],
      [`${c}/class-groups/{classGroupId}`, ['patch', 'delete']],
      [`${c}/users`, ['get', 'post']],
      [`${c}/users/{userId}`, ['get', 'patch', 'delete']],
      [`${c}/audit-log`, ['get']],
    ];
    for (const [path, methods] of expected) {
      for (const method of methods) {
        const op = doc.paths[path]?.[method];
        expect({ path, method, documented: !!op?.security?.length }).toEqual({ path, method, documented: true });
        if (path.includes('{communityId}')) expect(op?.parameters?.map((p) => p.name)).toContain('communityId');
      }
    }
  });

  describe('list and read', () => {
    it("answers members their own community with counts; district admins their district's", async () => {
      const demo = {
        id: DEMO.community,
        name: '山城区城乡学校联盟（示范）',
        kind: 'alliance',
        district: DISTRICT,
        leadSchoolId: DEMO.school.urban,
        schoolCount: 4,
        classroomCount: 4,
      };
      expect((await t.http.get('/api/communities').set(auth('music.li')).expect(200)).body).toEqual([demo]);
      expect((await t.http.get('/api/communities').set(auth('terminal.2')).expect(200)).body).toEqual([demo]);
      const district = (await t.http.get('/api/communities').set(auth('district.zhou')).expect(200))
        .body as CommunityView[];
      expect(district.map((c) => c.id)).toContain(DEMO.community);
      expect(district.map((c) => c.id)).not.toContain(other.communityId);
      expect((await t.http.get(demoUrl).set(auth('research.sun')).expect(200)).body).toEqual(demo);
      await t.http.get('/api/communities').expect(401);
    });

    it('403s another community (district admins of another district too), 404s an unknown one for district admins', async () => {
      await t.http.get(`/api/communities/${other.communityId}`).set(auth('admin')).expect(403);
      await t.http.get(`/api/communities/${other.communityId}`).set(auth('district.zhou')).expect(403);
      await t.http.get(`/api/communities/${other.communityId}/overview`).set(auth('music.li')).expect(403);
      await t.http.get('/api/communities/74e9c0000000000000000999').set(auth('district.zhou')).expect(404);
      await t.http.get('/api/communities/zzz').set(auth('admin')).expect(400);
    });

    it('answers the overview: schools, pairings, classrooms and class groups at once', async () => {
      const res = await t.http.get(`${demoUrl}/overview`).set(auth('terminal.2')).expect(200);
      const o = res.body as CommunityOverview;
      expect(o.community).toMatchObject({ id: DEMO.community, schoolCount: 4, classroomCount: 4 });
      expect(o.schools).toHaveLength(4);
      expect(o.schools.filter((s) => s.isLead).map((s) => s.id)).toEqual([DEMO.school.urban]);
      expect(o.pairings).toHaveLength(3);
      expect(o.pairings.every((p) => p.leadSchoolId === DEMO.school.urban && p.active)).toBe(true);
      expect(o.classrooms.map((r) => r.terminalModel)).toContain('希沃 75 寸一体机');
      expect(o.classGroups.map((g) => g.name)).toContain('四年级(2)班');
      expect(o.classGroups.reduce((n, g) => n + g.studentCount, 0)).toBeGreaterThan(200);
    });
  });

  describe('create', () => {
    it('lets a district admin create a community in their district (audited at district level)', async () => {
      const res = await t.http
        .post('/api/communities')
        .set(auth('district.zhou'))
        .send({ name: '山城区第二教育集团', kind: 'group' })
        .expect(201);
      const created = res.body as CommunityView;
      expect(created).toMatchObject({ name: '山城区第二教育集团', kind: 'group', district: DISTRICT, schoolCount: 0 });
      expect(created).not.toHaveProperty('leadSchoolId');
      const list = (await t.http.get('/api/communities').set(auth('district.zhou'))).body as CommunityView[];
      expect(list.map((c) => c.name)).toContain('山城区第二教育集团');
      // The district admin acts as its community admin at once.
      await t.http
        .post(`/api/communities/${created.id}/schools`)
        .set(auth('district.zhou'))
        .send({ name: '新集团小学', kind: 'urban', stage: 'primary' })
        .expect(201);
      await t.http.get(`/api/communities/${created.id}`).set(auth('admin')).expect(403);
      const audit = t.app.get<Model<AuditEntry>>(getModelToken(AuditEntry.name));
      const entry = await audit.findOne({ action: 'community.create', targetId: created.id }).lean();
      expect(entry).toMatchObject({
        actorName: '周敏（区教体局）',
        targetName: '山城区第二教育集团',
        changes: ['kind', 'name'],
      });
      expect(entry?.communityId?.toString()).toBe(created.id);
    });

    it('409s a duplicate name in the district; 400s bad input; 403s everyone but district admins', async () => {
      const dup = await t.http
        .post('/api/communities')
        .set(auth('district.zhou'))
        .send({ name: '山城区城乡学校联盟（示范）', kind: 'alliance' })
        .expect(409);
      expect(dup.body.message).toBe(`a community named 山城区城乡学校联盟（示范） already exists in ${DISTRICT}`);
      for (const body of [
        { name: 'x'.repeat(65), kind: 'group' },
        { name: '新', kind: 'club' },
        { name: '', kind: 'group' },
        { kind: 'group' },
      ]) {
        await t.http.post('/api/communities').set(auth('district.zhou')).send(body).expect(400);
      }
      await t.http
        .post('/api/communities')
        .set(auth('district.zhou'))
        .send({ name: '新', kind: 'group', district: 'x' })
        .expect(400);
      for (const user of ['admin', 'school.wang', 'music.li'] as const) {
        await t.http.post('/api/communities').set(auth(user)).send({ name: '新联盟', kind: 'group' }).expect(403);
      }
    });
  });

  describe('update', () => {
    it('renames, changes the kind and the lead school (audited)', async () => {
      const res = await t.http
        .patch(demoUrl)
        .set(auth('admin'))
        .send({ kind: 'community', leadSchoolId: DEMO.school.shilin })
        .expect(200);
      expect(res.body).toMatchObject({ kind: 'community', leadSchoolId: DEMO.school.shilin });
      const schools = (await t.http.get(`${demoUrl}/schools`).set(auth('admin'))).body as SchoolView[];
      expect(schools.filter((s) => s.isLead).map((s) => s.id)).toEqual([DEMO.school.shilin]);
      const [entry] = await latestAudit(t, auth('admin'), 1);
      expect(entry).toMatchObject({ action: 'community.update', changes: ['kind', 'leadSchoolId'] });
      await t.http
        .patch(demoUrl)
        .set(auth('district.zhou'))
        .send({ kind: 'alliance', leadSchoolId: DEMO.school.urban })
        .expect(200);
    });

    it('refuses a lead school of another community (400), a taken name (409), bad values (400)', async () => {
      const foreign = await t.http.patch(demoUrl).set(auth('admin')).send({ leadSchoolId: other.schoolId }).expect(400);
      expect(foreign.body.message).toBe(`leadSchoolId ${other.schoolId} is not a school of this community`);
      const dup = await t.http.patch(demoUrl).set(auth('admin')).send({ name: '山城区第二教育集团' }).expect(409);
      expect(dup.body.code).toBe('CONFLICT');
      await t.http.patch(demoUrl).set(auth('admin')).send({ name: null }).expect(400);
      await t.http.patch(demoUrl).set(auth('admin')).send({ kind: 'club' }).expect(400);
      await t.http.patch(demoUrl).set(auth('admin')).send({ district: 'elsewhere' }).expect(400);
    });

    it('403s school admins, teachers and other communities', async () => {
      await t.http.patch(demoUrl).set(auth('school.wang')).send({ kind: 'group' }).expect(403);
      await t.http.patch(demoUrl).set(auth('music.li')).send({ kind: 'group' }).expect(403);
      await t.http
        .patch(`/api/communities/${other.communityId}`)
        .set(auth('admin'))
        .send({ kind: 'group' })
        .expect(403);
    });
  });
});
