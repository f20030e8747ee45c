import { getModelToken } from '@nestjs/mongoose';
import { type Model, Types } from 'mongoose';
import type { ApiTestApp } from '../../../../../../test/support/api-test-app';
import { createResource } from '../../../library/resources/testing/library-test.support';
import { DEMO, insertOtherCommunity, type OtherCommunity } from '../../../org/testing/org-test.support';
import { Community } from '../../../org/schemas/community.schema';
import { School } from '../../../org/schemas/school.schema';
import { DEMO_COMMUNITY } from '../../../seed/demo-district.data';
import type { Counters } from '../../rollups/insight-contribution';
import { InsightProjector } from '../../rollups/insight.projector';

// A hand-made fixture term for the insight integration specs, written straight into the rollups
// with InsightProjector.put (the sources are another module's business). The demo community's
// four schools (urban 1860 students; rural 汤河 214, 石林 156, 大湖 38; all primary), a third
// community of the demo district with one rural school (100 students), and another district's
// community (insertOtherCommunity) whose numbers must never show up.

const ART_CHEN = '74e9c000000000000000012f'; // demo user 303 (陈晓, art)

export interface InsightFixture {
  /** The demo district's second community and its rural school. */
  third: { communityId: string; schoolId: string };
  other: OtherCommunity;
  resources: { a: { id: string; title: string }; b: { id: string; title: string } };
}

const s = (schoolId: string, counters: Counters): Counters =>
  Object.fromEntries(Object.entries(counters).map(([path, n]) => [`s.${schoolId}.${path}`, n]));

/** Writes the fixture term (September–October 2026). */
export async function writeInsightFixture(t: ApiTestApp): Promise<InsightFixture> {
  const third = await insertThirdCommunity(t);
  const other = await insertOtherCommunity(t);
  const owner = { communityId: DEMO.community, userId: DEMO.user.musicLi };
  const a = await createResource(t, owner, { title: '草原就是我的家', subject: 'music', grade: 4 });
  const b = await createResource(t, owner, { title: 'Colours 颜色歌', subject: 'english', grade: 4 });
  const resources = { a: { id: a._id.toHexString(), title: a.title }, b: { id: b._id.toHexString(), title: b.title } };
  const put: Put = (key, communityId, day, counters) =>
    t.app.get(InsightProjector).put(`test:${key}`, { communityId, day, counters });
  await putLessons(put);
  await putUse(put, resources);
  await putOtherCommunities(put, third, other);
  return { third, other, resources };
}

type Put = (key: string, communityId: string, day: string, counters: Counters) => Promise<void>;
const { urban, tanghe, shilin, dahu } = DEMO.school;
const demo = DEMO.community;

async function putLessons(put: Put): Promise<void> {
  // L1: music, 40 min, 李静 to 汤河 (attended 38 min) and 石林 (not connected).
  await put('l1', demo, '2026-09-10', {
    'c.les.sch': 1,
    'c.les.del': 1,
    'c.min': 40,
    ...s(urban, { 'led.sch': 1, 'led.del': 1, [`t.${DEMO.user.musicLi}.lead`]: 1 }),
    ...s(tanghe, { 'rcv.sch': 1, 'rcv.del': 1, 'rmin.music': 40, 'cls.exp': 1, 'cls.att': 1, 'cls.min': 38, stu: 34 }),
    ...s(shilin, { 'rcv.sch': 1, 'rcv.del': 1, 'rmin.music': 40, 'cls.exp': 1, stu: 27 }),
  });
  // L2: English to 大湖, missed.
  await put('l2', demo, '2026-09-20', {
    'c.les.sch': 1,
    'c.les.mis': 1,
    ...s(urban, { 'led.sch': 1, 'led.mis': 1 }),
    ...s(dahu, { 'rcv.sch': 1, 'rcv.mis': 1 }),
  });
  // L3: art, 45 min, 陈晓 to 汤河 (45 min, assistant 刘强) and 大湖 (30 min).
  await put('l3', demo, '2026-10-12', {
    'c.les.sch': 1,
    'c.les.del': 1,
    'c.min': 45,
    ...s(urban, { 'led.sch': 1, 'led.del': 1, [`t.${ART_CHEN}.lead`]: 1 }),
    ...s(tanghe, {
      'rcv.sch': 1,
      'rcv.del': 1,
      'rmin.art': 45,
      'cls.exp': 1,
      'cls.att': 1,
      'cls.min': 45,
      stu: 34,
      [`t.${DEMO.user.assistantLiu}.asst`]: 1,
    }),
    ...s(dahu, { 'rcv.sch': 1, 'rcv.del': 1, 'rmin.art': 45, 'cls.exp': 1, 'cls.att': 1, 'cls.min': 30, stu: 9 }),
  });
  // L4: cancelled (holiday).
  await put('l4', demo, '2026-10-15', {
    'c.les.can': 1,
    ...s(urban, { 'led.can': 1 }),
    ...s(tanghe, { 'rcv.can': 1 }),
  });
}

async function putUse(put: Put, resources: InsightFixture['resources']): Promise<void> {
  await put('library', demo, '2026-10-20', {
    [`c.res.${resources.a.id}.v`]: 3,
    [`c.res.${resources.a.id}.d`]: 1,
    [`c.res.${resources.b.id}.v`]: 5,
    ...s(tanghe, { 'lib.v': 2 }),
    ...s(urban, { 'lib.v': 6, 'lib.d': 1 }),
  });
  await put('research', demo, '2026-10-21', {
    ...s(urban, { 'rs.act': 1, 'rs.plan': 2, 'rs.eval': 1, 'rs.score': 88, [`t.${DEMO.user.musicLi}.plan`]: 1 }),
    ...s(tanghe, { 'rs.obs': 1, 'rs.eval': 1, 'rs.score': 92, [`t.${DEMO.user.assistantLiu}.obs`]: 1 }),
  });
}

async function putOtherCommunities(put: Put, third: InsightFixture['third'], other: OtherCommunity): Promise<void> {
  // The third community: one music lesson, 60 min, two classrooms of 40.
  await put('c3', third.communityId, '2026-09-10', {
    'c.les.sch': 1,
    'c.les.del': 1,
    'c.min': 60,
    ...s(third.schoolId, {
      'rcv.sch': 1,
      'rcv.del': 1,
      'rmin.music': 60,
      'cls.exp': 2,
      'cls.att': 2,
      'cls.min': 100,
      stu: 80,
    }),
  });
  // Another district: never in the demo district's numbers.
  await put('other', other.communityId, '2026-09-10', {
    'c.les.sch': 5,
    'c.les.del': 5,
    'c.min': 300,
    ...s(other.schoolId, { 'led.sch': 5, 'led.del': 5, 'lib.v': 100 }),
  });
}

async function insertThirdCommunity(t: ApiTestApp): Promise<InsightFixture['third']> {
  const model = <T>(name: string) => t.app.get<Model<T>>(getModelToken(name));
  const community = await model<Community>(Community.name).create({
    name: `山城区第二教共体 ${new Types.ObjectId().toHexString()}`,
    kind: 'community',
    district: DEMO_COMMUNITY.district,
  });
  const school = await model<School>(School.name).create({
    communityId: community._id,
    name: '三号乡小学',
    kind: 'rural',
    stage: 'primary',
    studentCount: 100,
  });
  return { communityId: community._id.toHexString(), schoolId: school._id.toHexString() };
}
