import { Injectable } from '@nestjs/common';
import type { EvaluationReportView } from '@tongke/contracts';
import type { Types } from 'mongoose';
import type { User } from '../../org/schemas/user.schema';
import type { ResearchActivity } from '../activities/research-activity.schema';
import { EvaluatedActivities } from './evaluated-activity.service';
import { computeReport } from './evaluation-report.calculator';
import { EvaluationPeople } from './evaluation-people.service';
import { EvaluationRepository } from './evaluation.repository';
import { TimedCommentsService } from './timed-comments.service';

/** The evaluation report of an activity: statistics over the submitted evaluations of its current rubric. */
@Injectable()
export class EvaluationReportService {
  constructor(
    private readonly activities: EvaluatedActivities,
    private readonly evaluations: EvaluationRepository,
    private readonly comments: TimedCommentsService,
    private readonly people: EvaluationPeople,
  ) {}

  async report(user: User, activityId: Types.ObjectId): Promise<EvaluationReportView> {
    const { activity } = await this.activities.readable(user, activityId);
    return this.reportOf(activity);
  }

  /** The report of an activity the caller may read (no access check here). */
  async reportOf(activity: ResearchActivity): Promise<EvaluationReportView> {
    const rubric = await this.activities.rubricOf(activity);
    const submitted = (await this.evaluations.findByActivity(activity.communityId, activity._id)).filter(
      (e) => e.submitted && e.rubricId === rubric.id,
    );
    const person = await this.people.lookup(
      activity.communityId,
      submitted.map((e) => e.observerId),
    );
    const figures = computeReport(
      rubric,
      submitted.map((e) => {
        const { id, name } = person(e.observerId);
        return { observer: { id, name }, scores: e.scores, summary: e.summary };
      }),
    );
    return {
      activityId: activity._id.toHexString(),
      rubric,
      ...figures,
      comments: await this.comments.viewsOf(activity.communityId, activity._id),
    };
  }
}
