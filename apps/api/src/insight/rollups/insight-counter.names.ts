// Names of the insight counters (see insight-contribution.ts for the path layout). Sources write
// them (lesson facts, library events, research facts); indicator calculators read them.

/** Lesson outcome suffixes: scheduled (planned, not cancelled), delivered, missed, cancelled. */
export const OUTCOME = { scheduled: 'sch', delivered: 'del', missed: 'mis', cancelled: 'can' } as const;
export type OutcomeKey = keyof typeof OUTCOME;

export const COMMUNITY_COUNTERS = {
  /** c.les.<sch|del|mis|can>: lessons of the community (each lesson once; meetings excluded). */
  lessons: 'les',
  /** c.min: delivered minutes (each delivered lesson's started→ended minutes, once). */
  deliveredMinutes: 'min',
  /** c.res.<resourceId>.<v|d>: library views / downloads per resource. */
  resources: 'res',
} as const;

export const SCHOOL_COUNTERS = {
  /** s.<id>.led.<outcome>: lessons the school's teachers led (non-meeting). */
  led: 'led',
  /** s.<id>.rcv.<outcome>: lessons with at least one of the school's classrooms receiving (once per lesson). */
  received: 'rcv',
  /** s.<id>.rmin.<subject>: delivered minutes received per subject (once per lesson). */
  receivedMinutes: 'rmin',
  /** s.<id>.cls.exp / .att / .min: classroom-lessons expected (delivered lessons × the school's receiving classrooms), attended (connected at all), connected minutes. */
  classroomLessons: 'cls',
  /** s.<id>.stu: student-lessons received (Σ delivered lessons × students of the receiving classrooms). */
  studentLessons: 'stu',
  /** s.<id>.lib.v / .d: library views / downloads by the school's users. */
  library: 'lib',
  /** s.<id>.rs.act / plan / obs / eval / score: research activities led, co-planning edit-days, observed lessons, evaluations submitted, Σ evaluation scores (percent). */
  research: 'rs',
  /** s.<id>.t.<userId>.<lead|asst|obs|plan>: per-teacher participation (distinct counts: teachers whose counter is > 0 in the range). */
  teachers: 't',
} as const;

export const PARTICIPATION_ROLES = ['lead', 'asst', 'obs', 'plan'] as const;
export type ParticipationRole = (typeof PARTICIPATION_ROLES)[number];
