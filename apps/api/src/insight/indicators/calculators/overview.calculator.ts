import type { InsightOverview, InsightScopeView, LessonCounts } from '@tongke/contracts';
import { COMMUNITY_COUNTERS as C, SCHOOL_COUNTERS as S } from '../../rollups/insight-counter.names';
import {
  addLessons,
  count,
  coverageShare,
  lessonCounts,
  NO_LESSONS,
  ratio,
  receivedHours,
  teachersWith,
} from './counter-values.calculator';
import type { ScopeCounters } from './scope-counters.calculator';

// The overview cards, and the scope-level sums the trend reuses per month.
//
// Lessons and hours depend on the level:
// - a community or district counts each lesson once from the community counters (`c.les.*`,
//   hours from `c.min`), so a lesson received by three schools is one lesson;
// - a school counts the lessons it took part in: a rural (receiving) school the lessons its
//   classrooms received (`rcv`), an urban (lead) school the lessons its teachers led (`led`).
//   Hours at school level are the delivered minutes the school received (`rmin`): per-school led
//   minutes are not counted, so an urban school's hours are what it received (usually 0).
// Library use: a community or district counts every view and download of its resources
// (`c.res.*`, the viewers without a school too); a school counts its users' (`lib.*`).

const isSchoolLevel = (sc: ScopeCounters) => sc.scope.level === 'school';

/** Lessons of the scope (see above). */
export function scopeLessons(sc: ScopeCounters): LessonCounts {
  if (isSchoolLevel(sc)) {
    const [only] = sc.schools;
    if (!only) return NO_LESSONS;
    return lessonCounts(only.counters, only.school.kind === 'rural' ? S.received : S.led);
  }
  return sc.communities.reduce((sum, c) => addLessons(sum, lessonCounts(c.counters, C.lessons)), NO_LESSONS);
}

/** Delivered hours of the scope (see above). */
export function scopeHours(sc: ScopeCounters): number {
  if (isSchoolLevel(sc)) return sc.schools.reduce((sum, s) => sum + receivedHours(s.counters), 0);
  return sc.communities.reduce((sum, c) => sum + count(c.counters, C.deliveredMinutes), 0) / 60;
}

/** Library views and downloads of the scope (see above). */
export function scopeLibrary(sc: ScopeCounters): { views: number; downloads: number } {
  if (isSchoolLevel(sc)) {
    return { views: sumSchools(sc, `${S.library}.v`), downloads: sumSchools(sc, `${S.library}.d`) };
  }
  let views = 0;
  let downloads = 0;
  for (const { counters } of sc.communities) {
    for (const [path, amount] of Object.entries(counters)) {
      if (!path.startsWith(`${C.resources}.`)) continue;
      if (path.endsWith('.v')) views += amount;
      else if (path.endsWith('.d')) downloads += amount;
    }
  }
  return { views, downloads };
}

/** Σ of one school counter over the scope's schools. */
export function sumSchools(sc: ScopeCounters, path: string): number {
  return sc.schools.reduce((sum, s) => sum + count(s.counters, path), 0);
}

/** Σ classroom-lessons attended / Σ expected over the scope's schools. */
export function scopeAttendance(sc: ScopeCounters): number | null {
  return ratio(sumSchools(sc, `${S.classroomLessons}.att`), sumSchools(sc, `${S.classroomLessons}.exp`));
}

export function overview(view: InsightScopeView, sc: ScopeCounters): InsightOverview {
  const rural = sc.schools.filter((s) => s.school.kind === 'rural');
  const lessons = scopeLessons(sc);
  const coverages = rural.map((s) => coverageShare(s.school.stage, s.counters)).filter((v) => v !== null);
  const distinct = (role: 'lead' | 'asst' | 'obs') =>
    new Set(sc.schools.flatMap((s) => [...teachersWith(s.counters, role)])).size;
  return {
    scope: view,
    schools: schoolsCard(sc),
    lessons: { ...lessons, deliveryRate: ratio(lessons.delivered, lessons.delivered + lessons.missed) },
    deliveredHours: scopeHours(sc),
    subjectCoverage: ratio(
      coverages.reduce((sum, v) => sum + v, 0),
      coverages.length,
    ),
    attendanceRate: scopeAttendance(sc),
    avgMinutes: ratio(sumSchools(sc, `${S.classroomLessons}.min`), sumSchools(sc, `${S.classroomLessons}.att`)),
    lessonsPerRuralStudent: ratio(
      rural.reduce((sum, s) => sum + count(s.counters, S.studentLessons), 0),
      rural.reduce((sum, s) => sum + s.school.studentCount, 0),
    ),
    library: scopeLibrary(sc),
    research: researchCard(sc),
    participation: {
      teachers: new Set(sc.schools.flatMap((s) => [...teachersWith(s.counters)])).size,
      leadTeachers: distinct('lead'),
      assistants: distinct('asst'),
      observers: distinct('obs'),
    },
  };
}

function schoolsCard(sc: ScopeCounters): InsightOverview['schools'] {
  const card = { total: 0, rural: 0, urban: 0, students: 0, ruralStudents: 0 };
  for (const { school } of sc.schools) {
    card.total += 1;
    card.students += school.studentCount;
    if (school.kind === 'rural') {
      card.rural += 1;
      card.ruralStudents += school.studentCount;
    } else card.urban += 1;
  }
  return card;
}

function researchCard(sc: ScopeCounters): InsightOverview['research'] {
  const evaluations = sumSchools(sc, `${S.research}.eval`);
  return {
    activities: sumSchools(sc, `${S.research}.act`),
    coplanning: sumSchools(sc, `${S.research}.plan`),
    observations: sumSchools(sc, `${S.research}.obs`),
    evaluations,
    avgScore: ratio(sumSchools(sc, `${S.research}.score`), evaluations),
  };
}
