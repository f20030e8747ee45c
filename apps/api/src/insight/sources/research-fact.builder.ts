import { Injectable } from '@nestjs/common';
import type { RubricView } from '@tongke/contracts';
import { localDate } from '../../live/policy/local-dates';
import type { ResearchActivity } from '../../research/activities/research-activity.schema';
import { totalScore } from '../../research/evaluations/evaluation-report.calculator';
import type { Evaluation } from '../../research/evaluations/evaluation.schema';
import type { Contribution, Counters } from '../rollups/insight-contribution';
import { bump, paths } from './insight-counter.paths';

/** Where a research fact lands: the person's school, its community and that community's zone. */
export interface ResearchPlace {
  communityId: string;
  schoolId: string;
  timeZone: string;
}

export type FactEvaluation = Pick<Evaluation, 'submitted' | 'submittedAt' | 'scores' | 'updatedAt'>;
export type FactActivity = Pick<ResearchActivity, 'plannedAt' | 'updatedAt'>;

const version = (d: Date | undefined) => d?.getTime() ?? 0;
/** Scores are kept to two decimals, so sums of many stay readable. */
const percent = (score: number) => Math.round(score * 100) / 100;

/**
 * What research adds to the insight rollups (pure). Rules:
 * - an evaluation (`eval:<id>`) counts once SUBMITTED: the evaluator's school `rs.eval` += 1 and
 *   `rs.score` += its total score against its rubric as a percentage 0..100 (the evaluation
 *   report's calculator), on the local day it was submitted; drafts, evaluators without a school
 *   and evaluations whose rubric is gone make no fact;
 * - a research activity (`act:<id>`) counts `rs.act` += 1 at its teacher's school on the local day
 *   of `plannedAt`; a teacher without a school makes no fact;
 * - the fact belongs to the school's community; its version is the document's `updatedAt`.
 */
@Injectable()
export class ResearchFactBuilder {
  evaluation(e: FactEvaluation, rubric: RubricView | null, place: ResearchPlace | null): Contribution | null {
    if (!e.submitted || !e.submittedAt || !rubric || !place) return null;
    const counters: Counters = {};
    bump(counters, paths.research(place.schoolId, 'evaluations'));
    bump(counters, paths.research(place.schoolId, 'score'), percent(totalScore(rubric, e.scores)));
    return {
      communityId: place.communityId,
      day: localDate(e.submittedAt, place.timeZone),
      counters,
      version: version(e.updatedAt),
    };
  }

  activity(a: FactActivity, place: ResearchPlace | null): Contribution | null {
    if (!place) return null;
    return {
      communityId: place.communityId,
      day: localDate(a.plannedAt, place.timeZone),
      counters: { [paths.research(place.schoolId, 'activities')]: 1 },
      version: version(a.updatedAt),
    };
  }
}
