import { LessonRole } from '@tongke/contracts';
import { Types } from 'mongoose';
import {
  type LessonFactAttendance,
  LessonFactBuilder,
  type LessonFactSession,
  type LessonOrgLookups,
} from './lesson-fact.builder';

const hex = (n: number) => n.toString(16).padStart(24, '0');
const COMMUNITY = hex(1);
const URBAN = hex(100);
const RURAL_A = hex(101);
const RURAL_B = hex(102);
const LEAD = hex(301);
const ROOM_A1 = hex(201);
const ROOM_A2 = hex(202);
const ROOM_B = hex(203);
const ASSISTANT = hex(304);
const OBSERVER = hex(305);
const NO_SCHOOL = hex(399);

/** 2030-03-04 10:00 in Shanghai is 02:00 UTC. */
const T0 = Date.UTC(2030, 2, 4, 2, 0);
const at = (min: number) => new Date(T0 + min * 60_000);

const org: LessonOrgLookups = {
  timeZone: 'Asia/Shanghai',
  schoolOfUser: (id) => ({ [LEAD]: URBAN, [ASSISTANT]: RURAL_A, [OBSERVER]: URBAN })[id],
  schoolOfClassroom: (id) => ({ [ROOM_A1]: RURAL_A, [ROOM_A2]: RURAL_A, [ROOM_B]: RURAL_B })[id],
  studentsOfClassroom: (id) => ({ [ROOM_A1]: 30, [ROOM_A2]: 25 })[id] ?? 0,
};

function session(overrides: Partial<LessonFactSession> = {}): LessonFactSession {
  return {
    _id: new Types.ObjectId(hex(900)),
    communityId: new Types.ObjectId(COMMUNITY),
    kind: 'scheduled',
    status: 'ended',
    subject: 'music',
    leadTeacherId: new Types.ObjectId(LEAD),
    classroomIds: [ROOM_A1, ROOM_A2, ROOM_B].map((id) => new Types.ObjectId(id)),
    plannedStart: at(0),
    startedAt: at(0),
    endedAt: at(40),
    updatedAt: at(41),
    ...overrides,
  };
}

const room = (classroomId: string, intervals: [number, number][], openSince?: number): LessonFactAttendance => ({
  role: LessonRole.CLASSROOM,
  userId: hex(400),
  classroomId,
  intervals: intervals.map(([from, to]) => ({ joinedAt: at(from), leftAt: at(to) })),
  openSince: openSince === undefined ? null : at(openSince),
  updatedAt: at(40),
});
const person = (role: LessonRole, userId: string, updatedAt = 40): LessonFactAttendance => ({
  role,
  userId,
  intervals: [{ joinedAt: at(1), leftAt: at(30) }],
  openSince: null,
  updatedAt: at(updatedAt),
});

const build = (s: Partial<LessonFactSession>, attendance: LessonFactAttendance[] = [], lookups = org) =>
  new LessonFactBuilder().build(session(s), attendance, lookups);

describe(LessonFactBuilder.name, () => {
  it('counts a delivered lesson for the community, the lead school and each receiving school', () => {
    const fact = build({}, [room(ROOM_A1, [[0, 40]])]);
    expect(fact).toEqual({
      communityId: COMMUNITY,
      day: '2030-03-04',
      version: at(41).getTime(),
      counters: {
        'c.les.sch': 1,
        'c.les.del': 1,
        'c.min': 40,
        [`s.${URBAN}.led.sch`]: 1,
        [`s.${URBAN}.led.del`]: 1,
        [`s.${URBAN}.t.${LEAD}.lead`]: 1,
        [`s.${RURAL_A}.rcv.sch`]: 1,
        [`s.${RURAL_A}.rcv.del`]: 1,
        [`s.${RURAL_A}.rmin.music`]: 40,
        [`s.${RURAL_A}.cls.exp`]: 2,
        [`s.${RURAL_A}.cls.att`]: 1,
        [`s.${RURAL_A}.cls.min`]: 40,
        [`s.${RURAL_A}.stu`]: 30,
        [`s.${RURAL_B}.rcv.sch`]: 1,
        [`s.${RURAL_B}.rcv.del`]: 1,
        [`s.${RURAL_B}.rmin.music`]: 40,
        [`s.${RURAL_B}.cls.exp`]: 1,
      },
    });
  });

  it('takes the day in the community zone, not UTC', () => {
    // 2030-03-04 23:30 UTC is already the 5th in Shanghai, still the 4th in New York.
    const late = new Date(Date.UTC(2030, 2, 4, 23, 30));
    expect(build({ plannedStart: late })?.day).toBe('2030-03-05');
    expect(build({ plannedStart: late }, [], { ...org, timeZone: 'America/New_York' })?.day).toBe('2030-03-04');
  });

  it('rounds delivered minutes of the lesson', () => {
    const fact = build({ startedAt: at(0), endedAt: new Date(T0 + 40 * 60_000 + 31_000) });
    expect(fact?.counters['c.min']).toBe(41);
    expect(fact?.counters[`s.${RURAL_B}.rmin.music`]).toBe(41);
  });

  it('counts a missed lesson as scheduled and missed, with no minutes or attendance', () => {
    const fact = build({ status: 'missed', startedAt: undefined, endedAt: undefined }, [room(ROOM_A1, [[0, 5]])]);
    expect(fact?.counters).toEqual({
      'c.les.sch': 1,
      'c.les.mis': 1,
      [`s.${URBAN}.led.sch`]: 1,
      [`s.${URBAN}.led.mis`]: 1,
      [`s.${RURAL_A}.rcv.sch`]: 1,
      [`s.${RURAL_A}.rcv.mis`]: 1,
      [`s.${RURAL_B}.rcv.sch`]: 1,
      [`s.${RURAL_B}.rcv.mis`]: 1,
    });
  });

  it('counts a cancelled lesson as cancelled only (not scheduled)', () => {
    const fact = build({ status: 'cancelled', startedAt: undefined, endedAt: undefined });
    expect(fact?.counters).toEqual({
      'c.les.can': 1,
      [`s.${URBAN}.led.can`]: 1,
      [`s.${RURAL_A}.rcv.can`]: 1,
      [`s.${RURAL_B}.rcv.can`]: 1,
    });
  });

  it('counts a scheduled or live lesson as scheduled only', () => {
    for (const status of ['scheduled', 'live'] as const) {
      const fact = build({ status, endedAt: undefined }, [room(ROOM_A1, [], 0), person(LessonRole.OBSERVER, OBSERVER)]);
      expect(fact?.counters).toEqual({
        'c.les.sch': 1,
        [`s.${URBAN}.led.sch`]: 1,
        [`s.${RURAL_A}.rcv.sch`]: 1,
        [`s.${RURAL_B}.rcv.sch`]: 1,
      });
    }
  });

  it('counts an instant lesson like a timetabled one', () => {
    expect(build({ kind: 'instant' })?.counters).toEqual(build({})?.counters);
  });

  it('makes no fact of a meeting (网络教研)', () => {
    expect(build({ kind: 'meeting', classroomIds: [] })).toBeNull();
  });

  it('unions overlapping intervals and clips them to the lesson', () => {
    const fact = build({ startedAt: at(5), endedAt: at(45) }, [
      // Before the start (0-10 → 5-10), overlapping (8-20), a gap, then open until the end (30 → 45).
      room(
        ROOM_A1,
        [
          [0, 10],
          [8, 20],
        ],
        30,
      ),
      // A second peer of the same classroom, inside what the first covered, plus 50-60 after the end.
      {
        ...room(ROOM_A1, [
          [12, 18],
          [50, 60],
        ]),
        userId: hex(401),
      },
      // Connected only before the lesson started: attended, but no minutes.
      room(ROOM_A2, [[0, 4]]),
    ]);
    expect(fact?.counters[`s.${RURAL_A}.cls.exp`]).toBe(2);
    expect(fact?.counters[`s.${RURAL_A}.cls.att`]).toBe(2);
    expect(fact?.counters[`s.${RURAL_A}.cls.min`]).toBe(15 + 15);
    expect(fact?.counters[`s.${RURAL_A}.stu`]).toBe(30 + 25);
    expect(fact?.counters[`s.${RURAL_A}.rmin.music`]).toBe(40);
  });

  it('rounds connected minutes per classroom', () => {
    const half = (ms: number) => ({ joinedAt: at(0), leftAt: new Date(at(10).getTime() + ms) });
    const fact = build({}, [
      { ...room(ROOM_A1, []), intervals: [half(29_000)] },
      { ...room(ROOM_A2, []), intervals: [half(31_000)] },
    ]);
    expect(fact?.counters[`s.${RURAL_A}.cls.min`]).toBe(10 + 11);
  });

  it('counts students of attended classrooms only, and none for a classroom without class groups', () => {
    const fact = build({}, [room(ROOM_B, [[0, 40]])]);
    expect(fact?.counters[`s.${RURAL_B}.cls.att`]).toBe(1);
    expect(fact?.counters[`s.${RURAL_B}.cls.min`]).toBe(40);
    expect(fact?.counters[`s.${RURAL_B}.stu`]).toBeUndefined();
    expect(fact?.counters[`s.${RURAL_A}.stu`]).toBeUndefined();
    expect(fact?.counters[`s.${RURAL_A}.cls.att`]).toBeUndefined();
  });

  it('ignores attendance of other roles or of classrooms not in the lesson', () => {
    const fact = build({ classroomIds: [new Types.ObjectId(ROOM_A1)] }, [
      room(ROOM_A2, [[0, 40]]),
      { ...room(ROOM_A1, [[0, 40]]), role: LessonRole.VIEWER },
    ]);
    expect(fact?.counters[`s.${RURAL_A}.cls.exp`]).toBe(1);
    expect(fact?.counters[`s.${RURAL_A}.cls.att`]).toBeUndefined();
  });

  it('counts a receiving school once per lesson however many of its classrooms receive', () => {
    const fact = build({ classroomIds: [ROOM_A1, ROOM_A2, ROOM_A1].map((id) => new Types.ObjectId(id)) });
    expect(fact?.counters[`s.${RURAL_A}.rcv.del`]).toBe(1);
    expect(fact?.counters[`s.${RURAL_A}.rmin.music`]).toBe(40);
    expect(fact?.counters[`s.${RURAL_A}.cls.exp`]).toBe(2);
  });

  it('leaves out the lead school when the lead teacher has no school', () => {
    const fact = build({}, [], { ...org, schoolOfUser: () => undefined });
    expect(Object.keys(fact?.counters ?? {}).filter((k) => k.startsWith(`s.${URBAN}`))).toEqual([]);
    expect(fact?.counters['c.les.del']).toBe(1);
  });

  it('counts assistants and observers of delivered lessons once per user, skipping users without a school', () => {
    const attendance = [
      person(LessonRole.ASSISTANT, ASSISTANT),
      { ...person(LessonRole.ASSISTANT, ASSISTANT), intervals: [{ joinedAt: at(31), leftAt: at(35) }] },
      person(LessonRole.OBSERVER, OBSERVER),
      person(LessonRole.OBSERVER, OBSERVER),
      person(LessonRole.OBSERVER, NO_SCHOOL),
    ];
    const fact = build({}, attendance);
    expect(fact?.counters[`s.${RURAL_A}.t.${ASSISTANT}.asst`]).toBe(1);
    expect(fact?.counters[`s.${URBAN}.rs.obs`]).toBe(1);
    expect(fact?.counters[`s.${URBAN}.t.${OBSERVER}.obs`]).toBe(1);
    expect(Object.keys(fact?.counters ?? {}).some((k) => k.includes(NO_SCHOOL))).toBe(false);
    const missed = build({ status: 'missed' }, attendance);
    expect(Object.keys(missed?.counters ?? {}).some((k) => k.includes('.t.') || k.includes('.rs.'))).toBe(false);
  });

  it('versions the fact by the newest write of the session and its attendance', () => {
    expect(build({ updatedAt: at(41) }, [person(LessonRole.OBSERVER, OBSERVER, 50)])?.version).toBe(at(50).getTime());
    expect(build({ updatedAt: at(41) }, [person(LessonRole.OBSERVER, OBSERVER, 20)])?.version).toBe(at(41).getTime());
  });
});
