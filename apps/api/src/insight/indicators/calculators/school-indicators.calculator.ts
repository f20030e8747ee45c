import { REQUIRED_SUBJECTS, type SchoolIndicators } from '@tongke/contracts';
import { SCHOOL_COUNTERS as S } from '../../rollups/insight-counter.names';
import { count, coverage, lessonCounts, ratio, receivedHours, teachersWith } from './counter-values.calculator';
import type { SchoolCounters } from './scope-counters.calculator';

/**
 * One school's row of GET /api/insight/schools from its counters. Subject coverage describes what
 * a receiving (rural) school gets through the classrooms: an urban school's is null (its own
 * staff teach its curriculum; `coveredSubjects` still counts what it received).
 */
export function schoolIndicators({ school, community, counters: c }: SchoolCounters): SchoolIndicators {
  const { covered } = coverage(school.stage, c);
  const required = REQUIRED_SUBJECTS[school.stage].length;
  const evaluations = count(c, `${S.research}.eval`);
  return {
    schoolId: school.id,
    schoolName: school.name,
    communityId: community.id,
    communityName: community.name,
    kind: school.kind,
    stage: school.stage,
    studentCount: school.studentCount,
    led: lessonCounts(c, S.led),
    received: lessonCounts(c, S.received),
    receivedHours: receivedHours(c),
    requiredSubjects: required,
    coveredSubjects: covered,
    subjectCoverage: school.kind === 'rural' ? ratio(covered, required) : null,
    attendanceRate: ratio(count(c, `${S.classroomLessons}.att`), count(c, `${S.classroomLessons}.exp`)),
    avgMinutes: ratio(count(c, `${S.classroomLessons}.min`), count(c, `${S.classroomLessons}.att`)),
    lessonsPerStudent: ratio(count(c, S.studentLessons), school.studentCount),
    libraryViews: count(c, `${S.library}.v`),
    libraryDownloads: count(c, `${S.library}.d`),
    coplanning: count(c, `${S.research}.plan`),
    observations: count(c, `${S.research}.obs`),
    evaluations,
    avgScore: ratio(count(c, `${S.research}.score`), evaluations),
    leadTeachers: teachersWith(c, 'lead').size,
    assistants: teachersWith(c, 'asst').size,
    observers: teachersWith(c, 'obs').size,
  };
}
