import { Role, type Subject } from '@tongke/contracts';
import { DateTime } from 'luxon';
import { Types } from 'mongoose';
import type { LiveSession } from '../../apps/api/src/live/schemas/live-session.schema';
import type { Classroom } from '../../apps/api/src/org/schemas/classroom.schema';
import type { Community } from '../../apps/api/src/org/schemas/community.schema';
import type { Pairing } from '../../apps/api/src/org/schemas/pairing.schema';
import type { School } from '../../apps/api/src/org/schemas/school.schema';
import type { Term } from '../../apps/api/src/org/schemas/term.schema';
import type { User } from '../../apps/api/src/org/schemas/user.schema';

// The district the API bench runs against: communities of one urban lead school and rural
// member schools (some of them teaching points), with classrooms, teachers, assistants and
// terminals, and a term of 专递课堂 lessons: each rural classroom receives the lead school's
// music, art, English and science lessons once a week, "1+N" (one teacher, several rooms).

export interface DistrictShape {
  communities: number;
  /** Rural member schools per community (the last `teachingPoints` of them are teaching points). */
  ruralSchools: number;
  teachingPoints: number;
  /** Term length; "today" falls in its middle. */
  weeks: number;
  timeZone: string;
}

/** 40 communities × (1 urban + 9 rural) = 400 schools, a 20-week term. */
export const BENCH_DISTRICT: DistrictShape = {
  communities: 40,
  ruralSchools: 9,
  teachingPoints: 2,
  weeks: 20,
  timeZone: 'Asia/Shanghai',
};

const LEAD_SUBJECTS: Subject[] = ['music', 'art', 'english', 'science'];
const OTHER_URBAN_SUBJECTS: Subject[] = ['chinese', 'math', 'pe_health', 'it'];
const RURAL_GRADES = [3, 4, 5];
const GRADE_NAMES: Record<number, string> = { 3: '三', 4: '四', 5: '五' };
/** Local period times of the lead school's day (40-minute lessons). */
const PERIODS = [
  ['08:00', '08:40'],
  ['08:50', '09:30'],
  ['09:50', '10:30'],
  ['10:40', '11:20'],
  ['14:00', '14:40'],
  ['14:50', '15:30'],
  ['15:40', '16:20'],
  ['16:30', '17:10'],
] as const;

export type SeedUser = Omit<User, 'passwordHash'>;

/** One weekly lesson of a course schedule. */
export interface LessonSlot {
  scheduleId: Types.ObjectId;
  leadTeacherId: Types.ObjectId;
  subject: Subject;
  grade: number;
  classroomIds: Types.ObjectId[];
  /** ISO weekday 1..5. */
  weekday: number;
  startsAt: string;
  endsAt: string;
}

/** What the bench needs to know to address a community. */
export interface BenchCommunity {
  id: string;
  admin: string;
  /** Lead teachers (usernames and ids). */
  teachers: { id: string; username: string }[];
  terminals: { username: string; classroomId: string }[];
  schoolIds: string[];
  classroomIds: string[];
}

export interface CommunityPlan {
  community: Community;
  schools: School[];
  classrooms: Classroom[];
  users: SeedUser[];
  pairings: Pairing[];
  term: Term;
  slots: LessonSlot[];
  bench: BenchCommunity;
}

export interface TermDates {
  startsOn: string;
  endsOn: string;
}

/** A term of `weeks` weeks from a Monday, with today's week in its middle. */
export function termAround(now: Date, shape: DistrictShape): TermDates {
  const monday = DateTime.fromJSDate(now, { zone: shape.timeZone })
    .startOf('week')
    .minus({ weeks: Math.floor(shape.weeks / 2) });
  return {
    startsOn: monday.toISODate() ?? '',
    endsOn: monday.plus({ weeks: shape.weeks }).minus({ days: 1 }).toISODate() ?? '',
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

function user(communityId: Types.ObjectId, username: string, displayName: string, extra: Partial<SeedUser>): SeedUser {
  return {
    _id: new Types.ObjectId(),
    communityId,
    username,
    displayName,
    roles: [Role.TEACHER],
    subjects: [],
    disabled: false,
    totpEnabled: false,
    ...extra,
  };
}

function school(communityId: Types.ObjectId, name: string, kind: 'urban' | 'rural', teachingPoint = false): School {
  const studentCount = kind === 'urban' ? 1800 : teachingPoint ? 30 : 200;
  return {
    _id: new Types.ObjectId(),
    communityId,
    name,
    kind,
    stage: 'primary',
    address: name,
    teachingPoint,
    studentCount,
  };
}

/** The schools, rooms and people of community `c` (0-based). */
function planOrg(c: number, shape: DistrictShape, term: TermDates) {
  const tag = `c${pad(c + 1)}`;
  const communityId = new Types.ObjectId();
  const urban = school(communityId, `第${c + 1}联盟 城区实验小学`, 'urban');
  const rural = Array.from({ length: shape.ruralSchools }, (_, i) => {
    const tp = i >= shape.ruralSchools - shape.teachingPoints;
    return school(communityId, `第${c + 1}联盟 ${tp ? '教学点' : '乡村小学'} ${i + 1}`, 'rural', tp);
  });
  const room = (s: School, name: string): Classroom => ({
    _id: new Types.ObjectId(),
    communityId,
    schoolId: s._id,
    name,
    seats: s.teachingPoint ? 16 : 40,
    terminalModel: '86 寸触控一体机',
  });
  const urbanRooms = [room(urban, '录播教室 1'), room(urban, '录播教室 2')];
  const ruralRooms = rural.map((s) =>
    s.teachingPoint
      ? [{ grade: 4, room: room(s, '多媒体教室') }]
      : RURAL_GRADES.map((grade) => ({ grade, room: room(s, `${GRADE_NAMES[grade]}年级 同步课堂教室`) })),
  );
  return { tag, communityId, urban, rural, urbanRooms, ruralRooms, term };
}

type Org = ReturnType<typeof planOrg>;

function planUsers(org: Org): { users: SeedUser[]; leads: SeedUser[]; terminals: SeedUser[]; admin: SeedUser } {
  const { tag, communityId, urban } = org;
  const admin = user(communityId, `${tag}.admin`, `${tag} 联盟管理员`, { roles: [Role.COMMUNITY_ADMIN] });
  const research = user(communityId, `${tag}.research`, `${tag} 教研员`, { roles: [Role.RESEARCH_OFFICER] });
  const teacher = (subject: Subject, schoolId: Types.ObjectId, n = '') =>
    user(communityId, `${tag}.${subject}${n}`, `${tag} ${subject}${n} 老师`, { schoolId, subjects: [subject] });
  const leads = LEAD_SUBJECTS.map((s) => teacher(s, urban._id));
  const others = OTHER_URBAN_SUBJECTS.map((s) => teacher(s, urban._id));
  const ruralTeachers = org.rural.flatMap((s, i) => [
    teacher('chinese', s._id, `.r${i + 1}`),
    teacher('math', s._id, `.r${i + 1}`),
  ]);
  const rooms = org.ruralRooms.flat().map((r) => r.room);
  const bound = (role: Role, kind: string) =>
    rooms.map((r, i) =>
      user(communityId, `${tag}.${kind}${i + 1}`, `${tag} ${r.name}`, {
        roles: [role],
        schoolId: r.schoolId,
        classroomId: r._id,
      }),
    );
  const terminals = bound(Role.TERMINAL, 'terminal');
  const users = [
    admin,
    research,
    ...leads,
    ...others,
    ...ruralTeachers,
    ...bound(Role.ASSISTANT, 'assistant'),
    ...terminals,
  ];
  return { users, leads, terminals, admin };
}

/**
 * The weekly pattern: for each grade, the rural rooms split into two "1+N" groups; each group
 * receives the four lead subjects. Lead teacher s teaches group k (0..5) on weekday k % 5 + 1
 * in period s (period s + 4 for the sixth group), so no teacher and no room is double-booked.
 */
function planSlots(org: Org, leads: SeedUser[]): LessonSlot[] {
  const groups = RURAL_GRADES.flatMap((grade) => {
    const rooms = org.ruralRooms
      .flat()
      .filter((r) => r.grade === grade)
      .map((r) => r.room._id);
    const half = Math.ceil(rooms.length / 2);
    return [rooms.slice(0, half), rooms.slice(half)].map((classroomIds) => ({ grade, classroomIds }));
  });
  return LEAD_SUBJECTS.flatMap((subject, s) =>
    groups.map((g, k) => {
      const [startsAt, endsAt] = PERIODS[s + (k >= 5 ? 4 : 0)];
      return {
        scheduleId: new Types.ObjectId(),
        leadTeacherId: leads[s]._id,
        subject,
        grade: g.grade,
        classroomIds: g.classroomIds,
        weekday: (k % 5) + 1,
        startsAt,
        endsAt,
      };
    }),
  );
}

function pairing(org: Org, member: School): Pairing {
  return {
    _id: new Types.ObjectId(),
    communityId: org.communityId,
    leadSchoolId: org.urban._id,
    memberSchoolId: member._id,
    since: org.term.startsOn,
  };
}

/** Community `c` (0-based) of the district: org documents, the term and its weekly lessons. */
export function planCommunity(c: number, shape: DistrictShape, term: TermDates, district: string): CommunityPlan {
  const org = planOrg(c, shape, term);
  const { users, leads, terminals, admin } = planUsers(org);
  const classrooms = [...org.urbanRooms, ...org.ruralRooms.flat().map((r) => r.room)];
  return {
    community: {
      _id: org.communityId,
      name: `第${c + 1}城乡学校联盟`,
      kind: 'alliance',
      district,
      leadSchoolId: org.urban._id,
      timeZone: shape.timeZone,
    },
    schools: [org.urban, ...org.rural],
    classrooms,
    users,
    pairings: org.rural.map((s) => pairing(org, s)),
    term: {
      _id: new Types.ObjectId(),
      communityId: org.communityId,
      name: '基准学期',
      ...term,
      holidays: [],
      makeupDays: [],
    },
    slots: planSlots(org, leads),
    bench: {
      id: org.communityId.toString(),
      admin: admin.username,
      teachers: leads.map((u) => ({ id: u._id.toString(), username: u.username })),
      terminals: terminals.map((u) => ({ username: u.username, classroomId: String(u.classroomId) })),
      schoolIds: [org.urban, ...org.rural].map((s) => s._id.toString()),
      classroomIds: classrooms.map((r) => r._id.toString()),
    },
  };
}

export type SeedSession = Omit<LiveSession, 'endReason'>;

/**
 * The lessons of the term: every slot on its weekday of every week, and on a weekend "today"
 * also Friday's lessons (a 调休 makeup day, so today always has lessons). Lessons that ended
 * before `now` are `ended` (one in twenty `missed`), the rest `scheduled`.
 */
export function planSessions(plan: CommunityPlan, shape: DistrictShape, now: Date): SeedSession[] {
  const zone = shape.timeZone;
  const start = DateTime.fromISO(plan.term.startsOn, { zone });
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const days: { date: DateTime; weekday: number }[] = [];
  for (let d = 0; d < shape.weeks * 7; d++) {
    const date = start.plus({ days: d });
    days.push({ date, weekday: date.weekday });
    if (date.hasSame(today, 'day') && date.weekday > 5) days.push({ date, weekday: 5 });
  }
  return days
    .flatMap(({ date, weekday }) => plan.slots.filter((s) => s.weekday === weekday).map((s) => ({ s, date })))
    .map(({ s, date }, i) => session(plan, s, date, now, i % 20 === 7));
}

function session(plan: CommunityPlan, slot: LessonSlot, date: DateTime, now: Date, unjoined: boolean): SeedSession {
  const at = (hhmm: string) => date.set({ hour: Number(hhmm.slice(0, 2)), minute: Number(hhmm.slice(3)) }).toJSDate();
  const plannedStart = at(slot.startsAt);
  const plannedEnd = at(slot.endsAt);
  const past = plannedEnd.getTime() < now.getTime();
  const missed = past && unjoined;
  return {
    _id: new Types.ObjectId(),
    communityId: plan.community._id,
    kind: 'scheduled',
    title: `${slot.subject} · ${slot.grade}年级`,
    subject: slot.subject,
    grade: slot.grade,
    leadTeacherId: slot.leadTeacherId,
    classroomIds: slot.classroomIds,
    status: !past ? 'scheduled' : missed ? 'missed' : 'ended',
    plannedStart,
    plannedEnd,
    ...(past && !missed && { startedAt: plannedStart, endedAt: plannedEnd }),
    mediaNodeId: null,
    mediaUrl: null,
    createdBy: slot.leadTeacherId,
    scheduleId: slot.scheduleId,
    termId: plan.term._id,
    occurrenceDate: date.toISODate() ?? '',
    record: true,
    broadcast: false,
    createdAt: now,
  };
}
