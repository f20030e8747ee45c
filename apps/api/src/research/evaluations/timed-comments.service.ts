import { Injectable } from '@nestjs/common';
import type { CreateTimedCommentRequest, TimedCommentView } from '@tongke/contracts';
import type { Types } from 'mongoose';
import type { User } from '../../org/schemas/user.schema';
import { EvaluatedActivities } from './evaluated-activity.service';
import { EvaluationPeople } from './evaluation-people.service';
import { TimedCommentRepository } from './timed-comment.repository';
import { timedCommentView } from './evaluation.views';

/** Timestamped comments on an activity's lesson: every reader of its group reads and writes them. */
@Injectable()
export class TimedCommentsService {
  constructor(
    private readonly activities: EvaluatedActivities,
    private readonly comments: TimedCommentRepository,
    private readonly people: EvaluationPeople,
  ) {}

  async list(user: User, activityId: Types.ObjectId): Promise<TimedCommentView[]> {
    const { activity } = await this.activities.readable(user, activityId);
    return this.viewsOf(activity.communityId, activity._id);
  }

  async create(user: User, activityId: Types.ObjectId, body: CreateTimedCommentRequest): Promise<TimedCommentView> {
    const { activity } = await this.activities.readable(user, activityId);
    const doc = await this.comments.create(activity.communityId, {
      activityId: activity._id,
      atS: body.atS,
      text: body.text,
      authorId: user._id,
    });
    const person = await this.people.lookup(activity.communityId, [user._id]);
    return timedCommentView(doc, person(user._id));
  }

  /** The activity's comments by second (no access check: callers have checked it). */
  async viewsOf(communityId: Types.ObjectId, activityId: Types.ObjectId): Promise<TimedCommentView[]> {
    const docs = await this.comments.findByActivity(communityId, activityId);
    const person = await this.people.lookup(
      communityId,
      docs.map((c) => c.authorId),
    );
    return docs.map((c) => timedCommentView(c, person(c.authorId)));
  }
}
