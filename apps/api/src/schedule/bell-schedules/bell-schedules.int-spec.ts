import { getModelToken } from '@nestjs/mongoose';
import type { BellScheduleView } from '@tongke/contracts';
import type { Model } from 'mongoose';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { AuditEntry } from '../../audit/audit-entry.schema';
import { insertOtherCommunity, type OtherCommunity } from '../../org/testing/org-test.support';
import { RURAL_PERIODS, URBAN_PERIODS } from '../../seed/schedule-seed.data';
import { type AuthHeader, COMMUNITY_BASE, DEMO_IDS, signInAll } from '../testing/schedule-test.support';
import { BellSchedulesService } from './bell-schedules.service';

const bellsOf = (schoolId: string) => `${COMMUNITY_BASE}/schools/${schoolId}/bell-schedule`;
const periods = [
  { index: 1, startsAt: '08:20', endsAt: '09:00' },
  { index: 2, startsAt: '09:10', endsAt: '09:50' },
  { index: 3, startsAt: '14:30', endsAt: '15:10' },
];

describe(BellSchedulesService.name, () => {
  let t: ApiTestApp;
  let auth: AuthHeader;
  let other: OtherCommunity;

  beforeAll(async () => {
    t = await startApiTestApp(27);
    auth = await signInAll(t);
    other = await insertOtherCommunity(t);
  });

  afterAll(async () => {
    await t.close();
  });

  it('shows every member the seeded urban (from 08:00) and rural (from 08:30) bell schedules', async () => {
    for (const user of ['music.li', 'terminal.2', 'research.sun', 'assistant.liu'] as const) {
      const urban = await t.http.get(bellsOf(DEMO_IDS.school.urban)).set(auth(user)).expect(200);
      expect(urban.body).toEqual({ schoolId: DEMO_IDS.school.urban, periods: URBAN_PERIODS });
    }
    const rural = await t.http.get(bellsOf(DEMO_IDS.school.dahu)).set(auth('music.li')).expect(200);
    expect((rural.body as BellScheduleView).periods).toEqual(RURAL_PERIODS);
    expect(RURAL_PERIODS[0]).toEqual({ index: 1, startsAt: '08:30', endsAt: '09:10' });
  });

  it('404s unknown schools and schools of another community; 400s malformed ids', async () => {
    const res = await t.http.get(bellsOf('74e9c0000000000000000999')).set(auth('admin')).expect(404);
    expect(res.body).toEqual({ code: 'NOT_FOUND', message: 'no school 74e9c0000000000000000999' });
    await t.http.get(bellsOf(other.schoolId)).set(auth('admin')).expect(404);
    await t.http.put(bellsOf(other.schoolId)).set(auth('admin')).send({ periods }).expect(404);
    await t.http.get(bellsOf('x1')).set(auth('admin')).expect(400);
  });

  it('replaces a bell schedule (community admin) and audits it', async () => {
    const res = await t.http.put(bellsOf(DEMO_IDS.school.shilin)).set(auth('admin')).send({ periods }).expect(200);
    expect(res.body).toEqual({ schoolId: DEMO_IDS.school.shilin, periods });
    const read = await t.http.get(bellsOf(DEMO_IDS.school.shilin)).set(auth('terminal.2')).expect(200);
    expect(read.body).toEqual({ schoolId: DEMO_IDS.school.shilin, periods });
    const audit = await t.app
      .get<Model<AuditEntry>>(getModelToken(AuditEntry.name))
      .findOne({ action: 'bell_schedule.update', targetId: DEMO_IDS.school.shilin })
      .lean();
    expect(audit).toMatchObject({ targetType: 'school', targetName: '石林镇小学' });
  });

  it('lets a school admin set their own school only; teachers and others not at all', async () => {
    await t.http.put(bellsOf(DEMO_IDS.school.tanghe)).set(auth('school.wang')).send({ periods }).expect(200);
    const res = await t.http.put(bellsOf(DEMO_IDS.school.urban)).set(auth('school.wang')).send({ periods }).expect(403);
    expect(res.body).toEqual({ code: 'FORBIDDEN', message: 'you can only manage your own school' });
    for (const user of ['music.li', 'terminal.2', 'research.sun'] as const) {
      await t.http.put(bellsOf(DEMO_IDS.school.urban)).set(auth(user)).send({ periods }).expect(403);
    }
    await t.http
      .put(bellsOf(DEMO_IDS.school.urban))
      .set(auth('district.zhou'))
      .send({ periods: URBAN_PERIODS })
      .expect(200);
  });

  it('clears a bell schedule with an empty list', async () => {
    await t.http.put(bellsOf(DEMO_IDS.school.dahu)).set(auth('admin')).send({ periods: [] }).expect(200);
    const res = await t.http.get(bellsOf(DEMO_IDS.school.dahu)).set(auth('admin')).expect(200);
    expect(res.body).toEqual({ schoolId: DEMO_IDS.school.dahu, periods: [] });
  });

  it.each([
    [
      [periods[0], { index: 2, startsAt: '08:50', endsAt: '09:30' }],
      'period 2 (08:50) starts before period 1 ends (09:00)',
    ],
    [[periods[0], { ...periods[1], index: 3 }], 'periods must be numbered 1..2 in order (found 3 at 2)'],
    [[{ index: 1, startsAt: '8:20', endsAt: '09:00' }], 'startsAt must be a time written HH:mm'],
    [[{ index: 1, startsAt: '09:00', endsAt: '08:20' }], 'period 1 (09:00–08:20) must last 10–180 minutes'],
    [[{ index: '1', startsAt: '08:20', endsAt: '09:00' }], 'index must be an integer number'],
    [[{ ...periods[0], room: 'A' }], 'property room should not exist'],
    [
      Array.from({ length: 13 }, () => ({ index: 1, startsAt: '08:00', endsAt: '08:40' })),
      'periods must contain no more than 12 elements',
    ],
    ['第一节', 'periods must be an array'],
  ])('400s a bad bell schedule (%#)', async (bad, message) => {
    const res = await t.http.put(bellsOf(DEMO_IDS.school.shilin)).set(auth('admin')).send({ periods: bad }).expect(400);
    expect(res.body.message).toContain(message);
    const kept = await t.http.get(bellsOf(DEMO_IDS.school.shilin)).set(auth('admin')).expect(200);
    expect(kept.body).toEqual({ schoolId: DEMO_IDS.school.shilin, periods });
  });
});
