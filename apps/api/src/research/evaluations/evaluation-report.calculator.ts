import type { EvaluationReportView, RubricDimensionDef, RubricView, ScoreStats } from '@tongke/contracts';

/** A submitted evaluation as the report reads it. */
export interface ScoredEvaluation {
  observer: { id: string; name: string };
  scores: Record<string, number>;
  summary: string;
}

export type ReportFigures = Pick<EvaluationReportView, 'evaluations' | 'total' | 'dimensions' | 'items' | 'summaries'>;

/** Mean, population standard deviation, min and max; null for no values. */
export function scoreStats(values: number[]): ScoreStats | null {
  if (values.length === 0) return null;
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
  return { mean, stdDev: Math.sqrt(variance), min: Math.min(...values), max: Math.max(...values) };
}

/** A dimension's score of one evaluation: its items' sum over their maximum sum, as 0..100. */
export function dimensionScore(dimension: RubricDimensionDef, scores: Record<string, number>): number {
  const max = dimension.items.reduce((s, i) => s + i.maxScore, 0);
  const sum = dimension.items.reduce((s, i) => s + (Object.hasOwn(scores, i.key) ? scores[i.key] : 0), 0);
  return max > 0 ? (sum / max) * 100 : 0;
}

/** The evaluation's total: the weight-averaged dimension scores (0..100). */
export function totalScore(rubric: Pick<RubricView, 'dimensions'>, scores: Record<string, number>): number {
  const weights = rubric.dimensions.reduce((s, d) => s + d.weight, 0);
  if (weights <= 0) return 0;
  return rubric.dimensions.reduce((s, d) => s + d.weight * dimensionScore(d, scores), 0) / weights;
}

/**
 * The report's figures over submitted evaluations: per-item, per-dimension and total statistics
 * and the observers' summaries (non-empty ones). Every statistic is null with no evaluations.
 */
export function computeReport(rubric: Pick<RubricView, 'dimensions'>, evaluations: ScoredEvaluation[]): ReportFigures {
  return {
    evaluations: evaluations.length,
    total: scoreStats(evaluations.map((e) => totalScore(rubric, e.scores))),
    dimensions: rubric.dimensions.map((d) => ({
      key: d.key,
      name: d.name,
      weight: d.weight,
      stats: scoreStats(evaluations.map((e) => dimensionScore(d, e.scores))),
    })),
    items: rubric.dimensions.flatMap((d) =>
      d.items.map((i) => ({
        key: i.key,
        dimensionKey: d.key,
        name: i.name,
        maxScore: i.maxScore,
        stats: scoreStats(
          evaluations.filter((e) => Object.hasOwn(e.scores, i.key)).map((e) => e.scores[i.key] as number),
        ),
      })),
    ),
    summaries: evaluations.filter((e) => e.summary.trim()).map((e) => ({ observer: e.observer, text: e.summary })),
  };
}
