import { ErrorCode, type RubricView } from '@tongke/contracts';
import { AppError } from '@tongke/core';

/**
 * Checks an observer's scores against the rubric: every key must be an item of the rubric and
 * every score within its item's range; submitting needs every item scored. 400 naming the problem.
 */
export function checkScores(rubric: Pick<RubricView, 'dimensions'>, scores: Record<string, number>, submit: boolean) {
  const items = new Map(rubric.dimensions.flatMap((d) => d.items.map((i) => [i.key, i] as const)));
  const problems: string[] = [];
  for (const [key, score] of Object.entries(scores)) {
    const item = items.get(key);
    if (!item) problems.push(`"${key}" is not an item of the rubric`);
    else if (score < item.minScore || score > item.maxScore) {
      problems.push(`the score of "${key}" must be ${item.minScore}-${item.maxScore} (got ${score})`);
    }
  }
  if (submit && problems.length === 0) {
    const missing = [...items.keys()].filter((k) => !Object.hasOwn(scores, k));
    if (missing.length) problems.push(`submitting needs every item scored; missing: ${missing.join(', ')}`);
  }
  if (problems.length) throw new AppError(ErrorCode.BAD_REQUEST, problems.join('; '));
}
