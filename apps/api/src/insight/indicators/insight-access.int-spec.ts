import type { InsightOverview, InsightSchoolsView, InsightScopesView } from '@tongke/contracts';
import { Types } from 'mongoose';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { DEMO, type OrgLogin, signInAll } from '../../org/testing/org-test.support';
import { InsightScopeResolver } from '../scope/insight-scope.resolver';
import { type InsightFixture, writeInsightFixture } from './testing/insight-term.fixture';

// Who sees what, for every insight endpoint, and which queries are refused.

const TERM = 'from=2026-09-01&to=2026-10-31';
const ENDPOINTS = [
  'overview',
  'schools',
  'coverage',
  'trend',
  'library',
  'balance?indicator=received_lessons&',
  'export/schools?',
  'export/live?format=xlsx&',
].map((e) => (e.endsWith('&') || e.endsWith('?') ? e : `${e}?`));

describe(`${InsightScopeResolver.name} on the insight API`, () => {
  let t: ApiTestApp;
  let as: Awaited<ReturnType<typeof signInAll>>;
  let f: InsightFixture;
  const status = async (user: OrgLogin, url: string) => (await t.http.get(`/api/insight/${url}`).set(as(user))).status;
  /** The statuses of every endpoint for `user` with `extra` added to the term's query. */
  const everywhere = (user: OrgLogin, extra = '') =>
    Promise.all([
      ...ENDPOINTS.map((e) => status(user, `${e}${TERM}${extra}`)),
      status(user, `scopes?${extra.slice(1)}`),
    ]);

  beforeAll(async () => {
    t = await startApiTestApp(69);
    as = await signInAll(t);
    f = await writeInsightFixture(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('lets the three admins into every endpoint', async () => {
    for (const user of ['district.zhou', 'admin', 'school.wang'] as const) {
      expect([user, await everywhere(user)]).toEqual([user, ENDPOINTS.map(() => 200).concat(200)]);
    }
  });

  it('refuses teachers, classroom terminals and research officers everywhere (403)', async () => {
    for (const user of ['music.li', 'terminal.2', 'research.sun'] as const) {
      expect([user, await everywhere(user)]).toEqual([user, ENDPOINTS.map(() => 403).concat(403)]);
    }
  });

  it('refuses another district’s community to the district admin (403) and an unknown one (404)', async () => {
    const others = await Promise.all(
      ENDPOINTS.map((e) => status('district.zhou', `${e}${TERM}&communityId=${f.other.communityId}`)),
    );
    expect(others).toEqual(ENDPOINTS.map(() => 403));
    const unknown = new Types.ObjectId().toHexString();
    const unknowns = await Promise.all(
      ENDPOINTS.map((e) => status('district.zhou', `${e}${TERM}&communityId=${unknown}`)),
    );
    expect(unknowns).toEqual(ENDPOINTS.map(() => 404));
    const otherSchool = await Promise.all(
      ENDPOINTS.map((e) => status('district.zhou', `${e}${TERM}&schoolId=${f.other.schoolId}`)),
    );
    expect(otherSchool).toEqual(ENDPOINTS.map(() => 403));
  });

  it('keeps a community admin in their community (403 for another, its schools too; 404 unknown school)', async () => {
    for (const extra of [
      `&communityId=${f.third.communityId}`,
      `&communityId=${f.other.communityId}`,
      `&schoolId=${f.third.schoolId}`,
    ]) {
      expect(await Promise.all(ENDPOINTS.map((e) => status('admin', `${e}${TERM}${extra}`)))).toEqual(
        ENDPOINTS.map(() => 403),
      );
    }
    const unknown = `&schoolId=${new Types.ObjectId().toHexString()}`;
    expect(await Promise.all(ENDPOINTS.map((e) => status('admin', `${e}${TERM}${unknown}`)))).toEqual(
      ENDPOINTS.map(() => 404),
    );
  });

  it('keeps a school admin in their school (403 for another school or community)', async () => {
    for (const extra of [
      `&schoolId=${DEMO.school.urban}`,
      `&communityId=${f.other.communityId}`,
      `&schoolId=${f.third.schoolId}`,
    ]) {
      expect(await Promise.all(ENDPOINTS.map((e) => status('school.wang', `${e}${TERM}${extra}`)))).toEqual(
        ENDPOINTS.map(() => 403),
      );
    }
    const own = `&schoolId=${DEMO.school.tanghe}&communityId=${DEMO.community}`;
    expect(await Promise.all(ENDPOINTS.map((e) => status('school.wang', `${e}${TERM}${own}`)))).toEqual(
      ENDPOINTS.map(() => 200),
    );
  });

  it('narrows a district admin to one community or school of the district', async () => {
    const get = async <T>(url: string) =>
      (await t.http.get(`/api/insight/${url}`).set(as('district.zhou')).expect(200)).body as T;
    const third = await get<InsightSchoolsView>(`schools?${TERM}&communityId=${f.third.communityId}`);
    expect(third.scope).toMatchObject({ level: 'community', communityId: f.third.communityId });
    expect(third.rows.map((r) => r.schoolId)).toEqual([f.third.schoolId]);
    const school = await get<InsightOverview>(`overview?${TERM}&schoolId=${DEMO.school.shilin}`);
    expect(school.scope).toMatchObject({ level: 'school', schoolId: DEMO.school.shilin, communityId: DEMO.community });
    expect(school.lessons).toMatchObject({ scheduled: 1, delivered: 1 });
    const mismatch = await status(
      'district.zhou',
      `overview?${TERM}&communityId=${f.third.communityId}&schoolId=${DEMO.school.shilin}`,
    );
    expect(mismatch).toBe(403);
  });

  it('lists what each viewer may look at, with the terms', async () => {
    const scopes = async (user: OrgLogin) =>
      (await t.http.get('/api/insight/scopes').set(as(user)).expect(200)).body as InsightScopesView;
    const district = await scopes('district.zhou');
    expect(district.level).toBe('district');
    expect(district.communities.map((c) => [c.id, c.schools.length])).toEqual([
      [DEMO.community, 4],
      [f.third.communityId, 1],
    ]);
    expect(district.terms).toEqual([
      {
        id: '74e9c00000000000000001f4',
        communityId: DEMO.community,
        name: '2026—2027 学年第一学期',
        startDate: '2026-09-01',
        endDate: '2027-01-22',
      },
    ]);
    const school = await scopes('school.wang');
    expect(school).toMatchObject({ level: 'school', district: '鹤壁市山城区教育体育局' });
    expect(school.communities).toEqual([
      {
        id: DEMO.community,
        name: '山城区城乡学校联盟（示范）',
        schools: [
          { id: DEMO.school.tanghe, name: '汤河乡中心小学', kind: 'rural', stage: 'primary', studentCount: 214 },
        ],
      },
    ]);
    expect((await scopes('admin')).communities.map((c) => c.id)).toEqual([DEMO.community]);
  });

  it('refuses bad queries (400)', async () => {
    const bad = [
      'overview',
      'overview?from=2026-09-01',
      'overview?from=2026-02-30&to=2026-03-01',
      'overview?from=2026-9-1&to=2026-10-01',
      'overview?from=2026-10-02&to=2026-10-01',
      'overview?from=2026-01-01&to=2027-01-02', // 367 days
      `overview?${TERM}&communityId=xyz`,
      `overview?${TERM}&schoolId=${DEMO.school.tanghe}0`,
      `overview?${TERM}&foo=1`,
      `balance?${TERM}`,
      `balance?${TERM}&indicator=bogus`,
      `export/nope?${TERM}`,
      `export/schools?${TERM}&format=pdf`,
      `export/schools?${TERM}&lang=fr`,
      `export/balance?${TERM}`,
    ];
    const statuses = await Promise.all(bad.map((url) => status('admin', url)));
    expect(bad.map((url, i) => `${url} → ${statuses[i]}`)).toEqual(bad.map((url) => `${url} → 400`));
    const res = await t.http.get('/api/insight/overview?from=2026-01-01&to=2027-01-02').set(as('admin')).expect(400);
    expect(JSON.stringify(res.body)).toContain('at most 366 days');
    expect(await status('admin', 'overview?from=2026-01-01&to=2027-01-01')).toBe(200); // exactly 366
  });
});
