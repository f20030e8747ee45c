import type { LiveSessionStatus } from '@tongke/contracts';
import type { EvaluationMode, RubricDimensionDef } from '@tongke/contracts/research/research-values';

// Pure helpers of the 评课 pages: subtotals and the total as the report computes them, missing
// items, time stamps and links into the library player.

type Scores = Record<string, number | undefined>;

/** A dimension's raw item sum and its 0..100 score (items sum over their maximum sum). */
export function dimensionSubtotal(dimension: RubricDimensionDef, scores: Scores): { sum: number; percent: number } {
  const max = dimension.items.reduce((s, i) => s + i.maxScore, 0);
  const sum = dimension.items.reduce((s, i) => s + (scores[i.key] ?? 0), 0);
  return { sum, percent: max > 0 ? (sum / max) * 100 : 0 };
}

/** The weight-averaged dimension scores (0..100). */
export function formTotal(dimensions: RubricDimensionDef[], scores: Scores): number {
  const weights = dimensions.reduce((s, d) => s + d.weight, 0);
  if (weights <= 0) return 0;
  return dimensions.reduce((s, d) => s + d.weight * dimensionSubtotal(d, scores).percent, 0) / weights;
}

/** Keys of the items not scored yet. */
export function missingItems(dimensions: RubricDimensionDef[], scores: Scores): string[] {
  return dimensions.flatMap((d) => d.items.map((i) => i.key)).filter((k) => typeof scores[k] !== 'number');
}

/** The scored items only, as the API takes them. */
export function scoredOnly(scores: Scores): Record<string, number> {
  return Object.fromEntries(Object.entries(scores).filter((e): e is [string, number] => typeof e[1] === 'number'));
}

/** `m:ss` (or `h:mm:ss`) of a second into the lesson. */
export function formatAt(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** The library page of the recording, starting at the comment's second. */
export function recordingLink(resourceId: string, atS: number): string {
  return `/library/${encodeURIComponent(resourceId)}?t=${Math.floor(atS)}`;
}

/**
 * The mode the 评课 page opens in: live only while the lesson is live (a draft saved live, reopened
 * after the lesson ended, continues from the recording, where the player gives the comments' time).
 */
export function evaluationMode(sessionStatus: LiveSessionStatus | undefined, saved?: EvaluationMode): EvaluationMode {
  if (sessionStatus !== 'live') return 'recording';
  return saved ?? 'live';
}

/** The teacher of the lesson does not score it (the server answers 403). */
export function teachesLesson(activity: { teacher: { id: string } }, userId: string | undefined): boolean {
  return userId !== undefined && activity.teacher.id === userId;
}

/** Seconds since the live lesson started (0 before it did). */
export function secondsSince(startedAt: string | undefined, now: number): number {
  if (!startedAt) return 0;
  return Math.max(0, Math.round((now - Date.parse(startedAt)) / 1000));
}

/** The distinct ids of a `?ids=a,b,c` query. */
export function compareIds(query: unknown): string[] {
  const raw = Array.isArray(query) ? query.join(',') : typeof query === 'string' ? query : '';
  return [
    ...new Set(
      raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/** Rounded for display (one decimal). */
export function score(n: number | undefined | null): string {
  return typeof n === 'number' ? (Math.round(n * 10) / 10).toFixed(1) : '—';
}
