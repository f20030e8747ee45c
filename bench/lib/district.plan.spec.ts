import { BENCH_DISTRICT, planCommunity, planSessions, termAround } from './district.plan';

// Wednesday 2026-11-25, 12:00 in Shanghai.
const NOW = new Date('2026-11-25T04:00:00Z');
const term = termAround(NOW, BENCH_DISTRICT);
const plan = planCommunity(0, BENCH_DISTRICT, term, '基准测试区教育局');

describe(planCommunity.name, () => {
  it('has one urban lead school and nine rural schools, two of them teaching points', () => {
    expect(plan.schools.map((s) => [s.kind, s.teachingPoint])).toEqual([
      ['urban', false],
      ...Array.from({ length: 7 }, () => ['rural', false]),
      ['rural', true],
      ['rural', true],
    ]);
    expect(plan.community.leadSchoolId).toEqual(plan.schools[0]._id);
    expect(plan.pairings).toHaveLength(9);
    // 2 recording rooms, 3 per rural school, 1 per teaching point.
    expect(plan.classrooms).toHaveLength(2 + 7 * 3 + 2);
  });

  it('gives every rural classroom a terminal, an assistant and four lessons a week', () => {
    const rural = plan.classrooms.filter((r) => !r.schoolId.equals(plan.schools[0]._id));
    for (const room of rural) {
      const bound = plan.users.filter((u) => u.classroomId?.equals(room._id));
      expect(bound.map((u) => u.roles[0]).sort()).toEqual(['assistant', 'terminal']);
      expect(plan.slots.filter((s) => s.classroomIds.some((id) => id.equals(room._id)))).toHaveLength(4);
    }
    expect(new Set(plan.users.map((u) => u.username)).size).toBe(plan.users.length);
  });

  it('double-books no teacher and no classroom', () => {
    const taken = new Set<string>();
    for (const s of plan.slots) {
      for (const who of [s.leadTeacherId, ...s.classroomIds]) {
        const key = `${who.toString()} ${s.weekday} ${s.startsAt}`;
        expect(taken.has(key)).toBe(false);
        taken.add(key);
      }
    }
    expect(plan.slots).toHaveLength(24);
  });
});

describe(planSessions.name, () => {
  it('materialises every weekly lesson of the term: ended before now, scheduled after', () => {
    expect(term).toEqual({ startsOn: '2026-09-14', endsOn: '2027-01-31' });
    const sessions = planSessions(plan, BENCH_DISTRICT, NOW);
    expect(sessions).toHaveLength(24 * 20);
    const past = sessions.filter((s) => s.plannedEnd < NOW);
    expect(past.every((s) => s.status === 'ended' || s.status === 'missed')).toBe(true);
    expect(past.filter((s) => s.status === 'missed').length).toBeGreaterThan(0);
    expect(sessions.filter((s) => s.plannedEnd >= NOW).every((s) => s.status === 'scheduled')).toBe(true);
    expect(sessions[0]).toMatchObject({
      kind: 'scheduled',
      occurrenceDate: '2026-09-14',
      scheduleId: expect.anything(),
    });
  });

  it('gives a weekend today Friday’s lessons, so today always has some', () => {
    const saturday = new Date('2026-11-28T02:00:00Z');
    const sessions = planSessions(plan, BENCH_DISTRICT, saturday);
    const today = sessions.filter((s) => s.occurrenceDate === '2026-11-28');
    expect(today).toHaveLength(plan.slots.filter((s) => s.weekday === 5).length);
    expect(today.length).toBeGreaterThan(0);
  });
});
