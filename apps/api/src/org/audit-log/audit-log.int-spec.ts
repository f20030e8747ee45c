import type { AuditEntryView } from '@tongke/contracts';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { DEMO, insertOtherCommunity, type OrgLogin, type OtherCommunity, signInAll } from '../testing/org-test.support';
import { AuditLogService } from './audit-log.service';

const url = `/api/communities/${DEMO.community}/audit-log`;

describe(AuditLogService.name, () => {
  let t: ApiTestApp;
  let auth: (user: OrgLogin) => { Authorization: string };
  let other: OtherCommunity;

  beforeAll(async () => {
    t = await startApiTestApp(3);
    auth = await signInAll(t);
    other = await insertOtherCommunity(t);
    for (const studentCount of [10, 11, 12]) {
      await t.http
        .patch(`/api/communities/${DEMO.community}/schools/${DEMO.school.dahu}`)
        .set(auth('admin'))
        .send({ studentCount })
        .expect(200);
    }
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers the newest entries first and pages with before', async () => {
    const first = (await t.http.get(`${url}?limit=2`).set(auth('district.zhou')).expect(200)).body as AuditEntryView[];
    expect(first).toHaveLength(2);
    expect(first[0]).toMatchObject({
      action: 'school.update',
      actor: { id: DEMO.user.admin, name: '联盟管理员 王芳' },
      target: { type: 'school', id: DEMO.school.dahu, name: '鹿楼乡大湖教学点' },
      changes: ['studentCount'],
    });
    expect(Date.parse(first[0].at)).toBeGreaterThanOrEqual(Date.parse(first[1].at));
    const next = await t.http
      .get(`${url}?limit=10&before=${encodeURIComponent(first[1].at)}`)
      .set(auth('admin'))
      .expect(200);
    const rest = next.body as AuditEntryView[];
    expect(rest.length).toBeGreaterThanOrEqual(1);
    expect(rest.every((e) => Date.parse(e.at) < Date.parse(first[1].at))).toBe(true);
    expect(rest.map((e) => e.id)).not.toContain(first[0].id);
  });

  it('400s bad paging values', async () => {
    for (const q of [
      'limit=0',
      'limit=201',
      'limit=ten',
      'before=yesterday',
      'before=2026-13-01T00:00:00Z',
      'page=2',
    ]) {
      const res = await t.http.get(`${url}?${q}`).set(auth('admin')).expect(400);
      expect(res.body.code).toBe('BAD_REQUEST');
    }
  });

  it('is for district and community admins of the community only', async () => {
    for (const user of ['school.wang', 'music.li', 'terminal.2', 'research.sun'] as const) {
      await t.http.get(url).set(auth(user)).expect(403);
    }
    await t.http.get(`/api/communities/${other.communityId}/audit-log`).set(auth('admin')).expect(403);
    await t.http.get(`/api/communities/${other.communityId}/audit-log`).set(auth('district.zhou')).expect(403);
    await t.http.get(url).expect(401);
  });
});
