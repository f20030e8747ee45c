import { Injectable } from '@nestjs/common';
import { ErrorCode, type EvaluationView, type RubricView, type saveEvaluationSchema } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import type { z } from 'zod';
import { evaluationFactKey } from '../../insight/signals/insight-signal.keys';
import { InsightSignals } from '../../insight/signals/insight-signals.service';
import type { User } from '../../org/schemas/user.schema';
import { EvaluatedActivities } from './evaluated-activity.service';
import { EvaluationPeople } from './evaluation-people.service';
import { EvaluationRepository } from './evaluation.repository';
import { evaluationView } from './evaluation.views';
import { checkScores } from './score-rules';

type SaveEvaluation = z.output<typeof saveEvaluationSchema>;

/**
 * Observers' evaluations: any reader of the activity's group but its teacher scores it against the
 * activity's rubric.
 */
@Injectable()
export class EvaluationsService {
  constructor(
    private readonly activities: EvaluatedActivities,
    private readonly evaluations: EvaluationRepository,
    private readonly people: EvaluationPeople,
    private readonly signals: InsightSignals,
  ) {}

  /** The submitted evaluations and the caller's own draft. */
  async list(user: User, activityId: Types.ObjectId): Promise<EvaluationView[]> {
    const { activity } = await this.activities.readable(user, activityId);
    const docs = (await this.evaluations.findByActivity(activity.communityId, activity._id)).filter(
      (e) => e.submitted || e.observerId.equals(user._id),
    );
    const person = await this.people.lookup(
      activity.communityId,
      docs.map((e) => e.observerId),
    );
    return docs.map((e) => evaluationView(e, person(e.observerId)));
  }

  /** The activity's rubric (the built-in one unless it names another), for whoever may read the activity. */
  async rubric(user: User, activityId: Types.ObjectId): Promise<RubricView> {
    const { activity } = await this.activities.readable(user, activityId);
    return this.activities.rubricOf(activity);
  }

  /** Saves the caller's scores (a draft, or submitted when `submit` and every item is scored); 403 for the lesson's teacher. */
  async saveMine(user: User, activityId: Types.ObjectId, body: SaveEvaluation): Promise<EvaluationView> {
    const { activity } = await this.activities.readable(user, activityId);
    if (activity.teacherId.equals(user._id)) {
      throw new AppError(ErrorCode.FORBIDDEN, 'the teacher of the lesson cannot evaluate their own lesson');
    }
    const rubric = await this.activities.rubricOf(activity);
    const previous = await this.evaluations.findMine(activity.communityId, activity._id, user._id);
    // A submitted evaluation stays submitted: later saves correct it (and must stay complete).
    const submit = body.submit || previous?.submitted === true;
    checkScores(rubric, body.scores, submit);
    const doc = await this.evaluations.save(activity.communityId, activity._id, user._id, {
      rubricId: rubric.id,
      mode: body.mode,
      scores: body.scores,
      summary: body.summary,
      submitted: submit,
      ...(submit && { submittedAt: previous?.submittedAt ?? new Date() }),
    });
    await this.signals.changed([evaluationFactKey(doc._id.toHexString())]);
    const person = await this.people.lookup(activity.communityId, [user._id]);
    return evaluationView(doc, person(user._id));
  }
}
