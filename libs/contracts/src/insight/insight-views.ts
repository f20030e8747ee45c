import type { Subject, SchoolKind, SchoolStage } from '../org';
import type { LessonRole } from '../live/lesson-role';
import type { BalanceIndicator } from './insight-values';

// REST shapes of the API's insight module (apps/api/src/insight). Every query takes
// `from`/`to` (local dates YYYY-MM-DD, inclusive, in each community's time zone) and an
// optional `communityId` / `schoolId` narrowing the viewer's scope: a district admin sees the
// district's communities, a community admin their community, a school admin their school.

/** Query string of every indicator endpoint. */
export interface InsightQuery {
  from: string;
  to: string;
  communityId?: string;
  schoolId?: string;
}

/** GET /api/insight/balance also takes the indicator. */
export interface BalanceQuery extends InsightQuery {
  indicator: BalanceIndicator;
}

export type InsightLevel = 'district' | 'community' | 'school';

/** What a query covered. */
export interface InsightScopeView {
  level: InsightLevel;
  district: string;
  communityId?: string;
  schoolId?: string;
  /** Display name: the district, community or school. */
  name: string;
  from: string;
  to: string;
}

/** GET /api/insight/scopes — what the viewer may look at (for the dashboard's switchers). */
export interface InsightScopesView {
  level: InsightLevel;
  district: string;
  communities: {
    id: string;
    name: string;
    schools: { id: string; name: string; kind: SchoolKind; stage: SchoolStage; studentCount: number }[];
  }[];
  /** Terms of the visible communities (newest first) for quick ranges. */
  terms: { id: string; communityId: string; name: string; startDate: string; endDate: string }[];
}

export interface LessonCounts {
  /** Lessons planned in the range that were not cancelled (delivered + missed + still to come). */
  scheduled: number;
  delivered: number;
  missed: number;
  cancelled: number;
}

/** GET /api/insight/overview — the cards. Ratios are null when their denominator is 0. */
export interface InsightOverview {
  scope: InsightScopeView;
  schools: { total: number; rural: number; urban: number; students: number; ruralStudents: number };
  lessons: LessonCounts & { deliveryRate: number | null };
  deliveredHours: number;
  /** Mean share of required subjects covered over the rural schools in scope. */
  subjectCoverage: number | null;
  attendanceRate: number | null;
  avgMinutes: number | null;
  lessonsPerRuralStudent: number | null;
  library: { views: number; downloads: number };
  research: {
    activities: number;
    coplanning: number;
    observations: number;
    evaluations: number;
    avgScore: number | null;
  };
  /**
   * Distinct teachers per role, and `teachers`: the distinct teachers with any participation
   * (leading, assisting, observing or co-planning; a teacher in two roles counts once).
   */
  participation: { teachers: number; leadTeachers: number; assistants: number; observers: number };
}

/** One school's indicators (a row of GET /api/insight/schools). */
export interface SchoolIndicators {
  schoolId: string;
  schoolName: string;
  communityId: string;
  communityName: string;
  kind: SchoolKind;
  stage: SchoolStage;
  studentCount: number;
  /** Lessons its teachers led. */
  led: LessonCounts;
  /** Lessons its classrooms received. */
  received: LessonCounts;
  receivedHours: number;
  requiredSubjects: number;
  coveredSubjects: number;
  subjectCoverage: number | null;
  /** Receiving classrooms that connected / receiving classrooms expected, over delivered lessons. */
  attendanceRate: number | null;
  /** Connected minutes per attending classroom-lesson. */
  avgMinutes: number | null;
  lessonsPerStudent: number | null;
  libraryViews: number;
  libraryDownloads: number;
  coplanning: number;
  observations: number;
  evaluations: number;
  avgScore: number | null;
  leadTeachers: number;
  assistants: number;
  observers: number;
}

export interface InsightSchoolsView {
  scope: InsightScopeView;
  rows: SchoolIndicators[];
}

/** GET /api/insight/coverage — delivered hours received per school and subject (the heat-map). */
export interface CoverageView {
  scope: InsightScopeView;
  subjects: Subject[];
  rows: {
    schoolId: string;
    schoolName: string;
    communityName: string;
    hours: Partial<Record<Subject, number>>;
    /** Required subjects of the school's stage, and how many received at least one delivered lesson. */
    required: Subject[];
    covered: number;
  }[];
}

export interface BalanceSchool {
  schoolId: string;
  schoolName: string;
  communityName: string;
  value: number;
  /** The weight in the coefficient (student count when per-student, else 1). */
  weight: number;
  /** Share of the (weighted) variance this school accounts for, 0..1. */
  varianceShare: number;
  direction: 'above' | 'below' | 'at';
}

/**
 * GET /api/insight/balance — the coefficient of variation (σ / mean). `mean` is null when no
 * school counts; `sd` and `cv` are null when fewer than BALANCE_MIN_SCHOOLS (2) schools count (a
 * single school has no spread to judge, e.g. a school admin's own school), and `cv` also when
 * the mean is 0. The trend's months follow the same rules.
 */
export interface BalanceView {
  scope: InsightScopeView;
  indicator: BalanceIndicator;
  weighted: boolean;
  cv: number | null;
  mean: number | null;
  sd: number | null;
  schools: BalanceSchool[];
  /** The schools that pull the coefficient up most (largest variance share first). */
  pullers: BalanceSchool[];
  trend: { month: string; cv: number | null; mean: number | null }[];
}

/** GET /api/insight/trend — per month (clipped to the range). */
export interface TrendView {
  scope: InsightScopeView;
  months: {
    month: string;
    scheduled: number;
    delivered: number;
    missed: number;
    deliveredHours: number;
    attendanceRate: number | null;
    libraryViews: number;
    evaluations: number;
  }[];
}

/** GET /api/insight/library — recording and library use. */
export interface LibraryUseView {
  scope: InsightScopeView;
  views: number;
  downloads: number;
  top: { resourceId: string; title: string; views: number; downloads: number }[];
}

/** One participant's link as the media node last measured it. */
export interface LinkStatsView {
  userId: string;
  name: string;
  role: LessonRole;
  classroomId?: string;
  /** Media the node receives from / sends to the participant, kbit/s. */
  inKbps: number;
  outKbps: number;
  /** Packet loss on the participant's uplink, percent (0..100), if measured. */
  lossPct?: number;
  /** Round-trip time, ms, if measured. */
  rttMs?: number;
  reportedAt: string;
}

/** GET /api/insight/live — lessons live now in scope. */
export interface LiveOpsView {
  at: string;
  sessions: {
    id: string;
    communityId: string;
    title: string;
    subject: Subject;
    leadTeacher: { id: string; name: string; schoolName?: string };
    startedAt?: string;
    /**
     * The media node reports this lesson's links (its Redis document is there: rewritten every 5 s,
     * expiring 15 s after the last): `connected` is then what the node sees. When false (a node
     * lost, or a lesson seconds old), `connected` comes from the lesson record's open attendance.
     */
    reporting: boolean;
    plannedEnd: string;
    lead?: LinkStatsView;
    classrooms: {
      id: string;
      name: string;
      schoolId: string;
      schoolName: string;
      connected: boolean;
      link?: LinkStatsView;
    }[];
  }[];
  /** Classrooms of live lessons that are not connected. */
  notConnected: number;
}
