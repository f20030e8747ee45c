import type { InsightScopeView } from '@tongke/contracts';
import type { Counters } from '../../rollups/insight-contribution';
import { fixtureCommunity, fixtureSchool, fixtureScope, hexId, schoolPaths } from './insight-scope.fixture';

// A hand-made district for the overview, trend, coverage and library specs: community 1000 with
// an urban school U and rural R1 (primary) and R2 (junior); community 2000 with rural R3. The
// expected numbers are worked out next to each spec.

export const C1 = hexId(1000);
export const C2 = hexId(2000);
export const U = fixtureSchool(1, C1, 'urban', 1000);
export const R1 = fixtureSchool(2, C1, 'rural', 100);
export const R2 = fixtureSchool(3, C1, 'rural', 50, 'junior');
export const R3 = fixtureSchool(4, C2, 'rural', 200);
export const RES = { a: hexId(501), b: hexId(502) };
export const TEACHER = { t1: hexId(91), t2: hexId(92), t3: hexId(93), a1: hexId(94) };

export const DISTRICT = fixtureScope([fixtureCommunity(1000, [U, R1, R2]), fixtureCommunity(2000, [R3])]);

export const VIEW = {
  level: 'district',
  district: '测试区教育局',
  name: '测试区教育局',
  from: '2026-09-01',
  to: '2026-10-31',
} as InsightScopeView;

export const SUMS: Record<string, Counters> = {
  [C1]: {
    'c.les.sch': 10,
    'c.les.del': 8,
    'c.les.mis': 1,
    'c.les.can': 2,
    'c.min': 360,
    [`c.res.${RES.a}.v`]: 5,
    [`c.res.${RES.a}.d`]: 1,
    [`c.res.${RES.b}.v`]: 3,
    ...schoolPaths(U.id, {
      'led.sch': 10,
      'led.del': 8,
      'led.mis': 1,
      'led.can': 2,
      'lib.v': 40,
      'rs.act': 2,
      'rs.eval': 2,
      'rs.score': 180,
      [`t.${TEACHER.t1}.lead`]: 8,
      [`t.${TEACHER.t2}.obs`]: 1,
    }),
    ...schoolPaths(R1.id, {
      'rcv.sch': 6,
      'rcv.del': 5,
      'rcv.mis': 1,
      'rmin.music': 200,
      'rmin.art': 100,
      'cls.exp': 5,
      'cls.att': 4,
      'cls.min': 160,
      stu: 150,
      'lib.v': 4,
      'rs.eval': 1,
      'rs.score': 90,
      [`t.${TEACHER.a1}.asst`]: 5,
      [`t.${TEACHER.t3}.obs`]: 1,
    }),
    ...schoolPaths(R2.id, {
      'rcv.sch': 3,
      'rcv.del': 3,
      'rmin.history': 60,
      'cls.exp': 3,
      'cls.att': 3,
      'cls.min': 120,
      stu: 90,
    }),
  },
  [C2]: {
    'c.les.sch': 4,
    'c.les.del': 2,
    'c.les.mis': 2,
    'c.min': 90,
    ...schoolPaths(R3.id, {
      'rcv.sch': 4,
      'rcv.del': 2,
      'rcv.mis': 2,
      'rmin.music': 90,
      'cls.exp': 2,
      'cls.att': 1,
      'cls.min': 30,
      stu: 100,
      'rs.plan': 3,
      'rs.obs': 2,
    }),
  },
};
