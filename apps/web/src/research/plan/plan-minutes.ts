// Minutes of the 教学过程 steps and 作业设计 items.

/** The lesson length of a grade: 40 minutes in primary school, 45 in junior secondary. */
export function lessonMinutes(grade: number): number {
  return grade >= 7 ? 45 : 40;
}

/** Sum of the minutes of `items` (negative or non-numbers count as 0). */
export function sumMinutes(items: readonly { minutes: number }[]): number {
  return items.reduce((sum, i) => sum + (Number.isFinite(i.minutes) && i.minutes > 0 ? i.minutes : 0), 0);
}

/** Written homework minutes (the national rules limit only written homework). */
export function writtenMinutes(items: readonly { minutes: number; kind: string }[]): number {
  return sumMinutes(items.filter((i) => i.kind === 'written'));
}

export const MINUTES_MAX = 240;

/** A minutes input's value as a whole number 0..MINUTES_MAX (bad input reads as 0). */
export function parseMinutes(value: string | number): number {
  const n = typeof value === 'number' ? value : Number.parseFloat(String(value).trim());
  if (!Number.isFinite(n) || n < 0) return 0;
  return Math.min(MINUTES_MAX, Math.round(n));
}

export type ProcessTiming = 'empty' | 'under' | 'fits' | 'over';

/** How the steps' total compares with the lesson length. */
export function processTiming(total: number, grade: number): ProcessTiming {
  if (total === 0) return 'empty';
  const lesson = lessonMinutes(grade);
  if (total > lesson) return 'over';
  return total < lesson ? 'under' : 'fits';
}
