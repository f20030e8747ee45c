import { type LessonCounts, REQUIRED_SUBJECTS, type SchoolStage, SUBJECTS, type Subject } from '@tongke/contracts';
import type { Counters } from '../../rollups/insight-contribution';
import { OUTCOME, type ParticipationRole } from '../../rollups/insight-counter.names';

// Small readings of one school's (or one community's) counters, shared by the calculators.

/** The counter's amount (0 when absent). */
export const count = (c: Counters, path: string): number => c[path] ?? 0;

/** n / d, or null when the denominator is 0. */
export const ratio = (n: number, d: number): number | null => (d === 0 ? null : n / d);

/** Lesson outcomes under `prefix` (e.g. `led`, `rcv`, `les`). */
export function lessonCounts(c: Counters, prefix: string): LessonCounts {
  return {
    scheduled: count(c, `${prefix}.${OUTCOME.scheduled}`),
    delivered: count(c, `${prefix}.${OUTCOME.delivered}`),
    missed: count(c, `${prefix}.${OUTCOME.missed}`),
    cancelled: count(c, `${prefix}.${OUTCOME.cancelled}`),
  };
}

export function addLessons(a: LessonCounts, b: LessonCounts): LessonCounts {
  return {
    scheduled: a.scheduled + b.scheduled,
    delivered: a.delivered + b.delivered,
    missed: a.missed + b.missed,
    cancelled: a.cancelled + b.cancelled,
  };
}

export const NO_LESSONS: LessonCounts = { scheduled: 0, delivered: 0, missed: 0, cancelled: 0 };

/** Delivered minutes received per subject (`rmin.<subject>`), subjects with minutes > 0 only. */
export function receivedMinutes(c: Counters): Partial<Record<Subject, number>> {
  const out: Partial<Record<Subject, number>> = {};
  for (const subject of SUBJECTS) {
    const minutes = count(c, `rmin.${subject}`);
    if (minutes > 0) out[subject] = minutes;
  }
  return out;
}

/** Σ received minutes / 60. */
export function receivedHours(c: Counters): number {
  return Object.values(receivedMinutes(c)).reduce((sum, m) => sum + m, 0) / 60;
}

/** Required subjects of the stage, and how many of them received delivered minutes. */
export function coverage(stage: SchoolStage, c: Counters): { required: Subject[]; covered: number } {
  const required = [...REQUIRED_SUBJECTS[stage]];
  return { required, covered: required.filter((s) => count(c, `rmin.${s}`) > 0).length };
}

/** Required subjects covered / required (null when the stage requires none). */
export function coverageShare(stage: SchoolStage, c: Counters): number | null {
  const { required, covered } = coverage(stage, c);
  return ratio(covered, required.length);
}

/** Teachers (`t.<userId>.<role>`) whose counter for `role` (any role when omitted) is > 0. */
export function teachersWith(c: Counters, role?: ParticipationRole): Set<string> {
  const out = new Set<string>();
  for (const [path, amount] of Object.entries(c)) {
    if (amount <= 0 || !path.startsWith('t.')) continue;
    const [, userId, name] = path.split('.');
    if (userId && name && (role === undefined || name === role)) out.add(userId);
  }
  return out;
}
