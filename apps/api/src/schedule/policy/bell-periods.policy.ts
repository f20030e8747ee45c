import { type BellPeriod, SCHEDULE_LIMITS } from '@tongke/contracts';
import { minutesOf } from '../time/local-time';

/** Why a bell schedule (作息时间表) is invalid, or null: ordered, non-overlapping periods numbered 1..n. */
export function bellScheduleProblem(periods: readonly BellPeriod[]): string | null {
  if (periods.length > SCHEDULE_LIMITS.periodsMax) {
    return `a bell schedule has at most ${SCHEDULE_LIMITS.periodsMax} periods`;
  }
  for (const [i, p] of periods.entries()) {
    if (p.index !== i + 1)
      return `periods must be numbered 1..${periods.length} in order (found ${p.index} at ${i + 1})`;
    const length = minutesOf(p.endsAt) - minutesOf(p.startsAt);
    if (length < SCHEDULE_LIMITS.lessonMinMin || length > SCHEDULE_LIMITS.lessonMaxMin) {
      return `period ${p.index} (${p.startsAt}–${p.endsAt}) must last ${SCHEDULE_LIMITS.lessonMinMin}–${SCHEDULE_LIMITS.lessonMaxMin} minutes`;
    }
    const prev = periods[i - 1];
    if (prev && minutesOf(p.startsAt) < minutesOf(prev.endsAt)) {
      return `period ${p.index} (${p.startsAt}) starts before period ${prev.index} ends (${prev.endsAt})`;
    }
  }
  return null;
}

/** How far a lesson is off a period: start and end differences, in minutes. */
function distance(p: BellPeriod, startsAt: string, endsAt: string): { start: number; end: number } {
  return {
    start: Math.abs(minutesOf(p.startsAt) - minutesOf(startsAt)),
    end: Math.abs(minutesOf(p.endsAt) - minutesOf(endsAt)),
  };
}

/** The lesson fits the period: it starts and ends within the tolerance of the period's start and end. */
export function fitsPeriod(
  p: BellPeriod,
  startsAt: string,
  endsAt: string,
  toleranceMin: number = SCHEDULE_LIMITS.bellToleranceMin,
): boolean {
  const d = distance(p, startsAt, endsAt);
  return d.start <= toleranceMin && d.end <= toleranceMin;
}

/** The period closest to the lesson (least start + end difference; the earlier one on a tie). */
export function nearestPeriod(
  periods: readonly BellPeriod[],
  startsAt: string,
  endsAt: string,
): BellPeriod | undefined {
  let best: { period: BellPeriod; off: number } | undefined;
  for (const period of periods) {
    const d = distance(period, startsAt, endsAt);
    if (!best || d.start + d.end < best.off) best = { period, off: d.start + d.end };
  }
  return best?.period;
}
