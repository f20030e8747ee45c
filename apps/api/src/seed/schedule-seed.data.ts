import type { BellPeriod, Subject, Weekday } from '@tongke/contracts';
import type { Types } from 'mongoose';
import { DEMO_CLASSROOMS, DEMO_SCHOOLS, DEMO_USERS } from './demo-district.data';

// The demo timetable: bell schedules (作息时间表) of the demo schools and the 专递课堂 the urban
// lead school teaches to the rural classrooms. Urban periods start at 08:00, rural ones at
// 08:30 (pupils travel further): mornings differ, the 大课间 brings the third rural period in
// line with the urban fourth, and afternoons match, which is where dedicated classes go.

const p = (index: number, startsAt: string, endsAt: string): BellPeriod => ({ index, startsAt, endsAt });

export const URBAN_PERIODS: BellPeriod[] = [
  p(1, '08:00', '08:40'),
  p(2, '08:50', '09:30'),
  p(3, '09:50', '10:30'),
  p(4, '10:40', '11:20'),
  p(5, '14:30', '15:10'),
  p(6, '15:20', '16:00'),
  p(7, '16:10', '16:50'),
];

export const RURAL_PERIODS: BellPeriod[] = [
  p(1, '08:30', '09:10'),
  p(2, '09:20', '10:00'),
  p(3, '10:40', '11:20'),
  p(4, '11:30', '12:10'),
  p(5, '14:30', '15:10'),
  p(6, '15:20', '16:00'),
];

const [urban, ...rural] = DEMO_SCHOOLS;
export const DEMO_BELL_SCHEDULES: { schoolId: Types.ObjectId; periods: BellPeriod[] }[] = [
  { schoolId: urban._id, periods: URBAN_PERIODS },
  ...rural.map((s) => ({ schoolId: s._id, periods: RURAL_PERIODS })),
];

const user = (username: string) => {
  const found = DEMO_USERS.find((u) => u.username === username);
  if (!found) throw new Error(`demo user ${username} is missing`);
  return found._id;
};
const [, tanghe, shilin, dahu] = DEMO_CLASSROOMS.map((c) => c._id);

export interface DemoSchedule {
  subject: Subject;
  grade: number;
  leadTeacherId: Types.ObjectId;
  classroomIds: Types.ObjectId[];
  weekday: Weekday;
  /** A period of the urban lead school. */
  period: number;
  everyWeeks: 1 | 2;
}

/** Dedicated classes in the subjects the rural schools can't staff (Hebi Shancheng's "1+N"). */
export const DEMO_SCHEDULES: DemoSchedule[] = [
  {
    subject: 'music',
    grade: 4,
    leadTeacherId: user('music.li'),
    classroomIds: [tanghe, shilin],
    weekday: 2,
    period: 5,
    everyWeeks: 1,
  },
  {
    subject: 'music',
    grade: 4,
    leadTeacherId: user('music.li'),
    classroomIds: [dahu],
    weekday: 4,
    period: 6,
    everyWeeks: 1,
  },
  {
    subject: 'english',
    grade: 4,
    leadTeacherId: user('english.zhao'),
    classroomIds: [tanghe, shilin],
    weekday: 1,
    period: 4,
    everyWeeks: 1,
  },
  {
    subject: 'art',
    grade: 4,
    leadTeacherId: user('art.chen'),
    classroomIds: [tanghe, dahu],
    weekday: 5,
    period: 5,
    everyWeeks: 2,
  },
];

/** Who the demo schedules are recorded as created by (the community admin). */
export const DEMO_SCHEDULER = user('admin');

/** A term the seed adds when none contains the seed date: from that week's Monday, this many weeks. */
export const DEMO_FALLBACK_TERM_WEEKS = 20;
