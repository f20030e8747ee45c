import {
  fixtureCommunity,
  fixtureCounters,
  fixtureSchool,
  fixtureScope,
  hexId,
} from '../testing/insight-scope.fixture';
import { scopeCounters } from './scope-counters.calculator';

describe(scopeCounters.name, () => {
  const [c1, c2] = [hexId(1000), hexId(2000)];
  const a = fixtureSchool(1, c1, 'urban', 10);
  const b = fixtureSchool(2, c1, 'rural', 10);
  const d = fixtureSchool(3, c2, 'rural', 10);

  it('splits community and school counters, every school of the scope getting an entry', () => {
    const scope = fixtureScope([fixtureCommunity(1000, [a, b]), fixtureCommunity(2000, [d])]);
    const sc = fixtureCounters(scope, {
      [c1]: { 'c.les.del': 3, 'c.res.r1.v': 2, [`s.${a.id}.led.del`]: 3, [`s.${a.id}.t.u1.lead`]: 3 },
      [c2]: { [`s.${d.id}.rcv.del`]: 1 },
    });
    expect(sc.communities.map((c) => [c.community.id, c.counters])).toEqual([
      [c1, { 'les.del': 3, 'res.r1.v': 2 }],
      [c2, {}],
    ]);
    expect(sc.schools.map((s) => [s.school.id, s.community.id, s.counters])).toEqual([
      [a.id, c1, { 'led.del': 3, 't.u1.lead': 3 }],
      [b.id, c1, {}],
      [d.id, c2, { 'rcv.del': 1 }],
    ]);
  });

  it("leaves out schools outside the scope and communities' sums outside it", () => {
    const scope = fixtureScope([fixtureCommunity(1000, [b])], 'school');
    const sc = scopeCounters(
      scope,
      new Map([
        [c1, { [`s.${a.id}.led.del`]: 3, [`s.${b.id}.rcv.del`]: 2 }],
        [c2, { [`s.${d.id}.rcv.del`]: 5, 'c.les.del': 9 }],
      ]),
    );
    expect(sc.schools.map((s) => [s.school.id, s.counters])).toEqual([[b.id, { 'rcv.del': 2 }]]);
    expect(sc.communities.map((c) => c.counters)).toEqual([{}]);
  });
});
