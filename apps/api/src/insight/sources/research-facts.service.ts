import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { ResearchActivityRepository } from '../../research/activities/research-activity.repository';
import type { Evaluation } from '../../research/evaluations/evaluation.schema';
import { EvaluationRepository } from '../../research/evaluations/evaluation.repository';
import { RubricCatalog } from '../../research/rubrics/rubric.catalog';
import { DRAIN_LOCK_WAIT_MS } from '../rollups/insight-community.lock';
import type { Contribution } from '../rollups/insight-contribution';
import { InsightProjector } from '../rollups/insight.projector';
import { activityFactKey, evaluationFactKey } from '../signals/insight-signal.keys';
import type { CommunityLookups } from './insight-org-lookups.service';
import { InsightOrgLookups } from './insight-org-lookups.service';
import { ResearchFactBuilder } from './research-fact.builder';

/** Recomputes research facts (`eval:<id>`, `act:<id>`) from their documents and puts them into the rollups. */
@Injectable()
export class ResearchFactsService {
  constructor(
    private readonly evaluations: EvaluationRepository,
    private readonly activities: ResearchActivityRepository,
    private readonly rubrics: RubricCatalog,
    private readonly lookups: InsightOrgLookups,
    private readonly builder: ResearchFactBuilder,
    private readonly projector: InsightProjector,
  ) {}

  /** Recomputes the evaluation's fact under its community's lock (see InsightProjector.refresh). */
  async refreshEvaluation(id: string): Promise<void> {
    await this.projector.refresh(evaluationFactKey(id), () => this.computeEvaluation(id), DRAIN_LOCK_WAIT_MS);
  }

  /** Recomputes the activity's fact under its community's lock. */
  async refreshActivity(id: string): Promise<void> {
    await this.projector.refresh(activityFactKey(id), () => this.computeActivity(id), DRAIN_LOCK_WAIT_MS);
  }

  private async computeEvaluation(id: string): Promise<Contribution | null> {
    const found = Types.ObjectId.isValid(id) ? await this.evaluations.findByIdForService(new Types.ObjectId(id)) : null;
    return found ? this.evaluationFact(found, await this.lookups.forPeople(found.communityId)) : null;
  }

  private async computeActivity(id: string): Promise<Contribution | null> {
    const found = Types.ObjectId.isValid(id) ? await this.activities.findByIdForAccess(new Types.ObjectId(id)) : null;
    if (!found) return null;
    return this.builder.activity(found, (await this.lookups.forPeople(found.communityId)).placeOf(found.teacherId));
  }

  /** The evaluation's fact (also for rebuilds, which pass the community's lookups and a rubric cache). */
  async evaluationFact(
    e: Evaluation,
    org: Pick<CommunityLookups, 'placeOf'>,
    rubricCache = new Map<string, ReturnType<RubricCatalog['find']>>(),
  ): Promise<Contribution | null> {
    if (!e.submitted) return null;
    let rubric = rubricCache.get(e.rubricId);
    if (!rubric) rubricCache.set(e.rubricId, (rubric = this.rubrics.find(e.communityId, e.rubricId)));
    return this.builder.evaluation(e, await rubric, org.placeOf(e.observerId));
  }
}
