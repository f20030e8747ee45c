import { Injectable } from '@nestjs/common';
import type { CreateTimedCommentRequest, TimedCommentView } from '@tongke/contracts';
import type { Types } from 'mongoose';
import type { User } from '../../org/schemas/user.schema';
import { CommentSessions } from './comment-sessions.service';
import { EvaluatedActivities } from './evaluated-activity.service';
import { EvaluationPeople } from './evaluation-people.service';
import { TimedCommentRepository } from './timed-comment.repository';
import { timedCommentView } from './evaluation.views';

/**
 * Timestamped comments on an activity's lesson: every reader of its group reads and writes them.
 * Each keeps the session it was made on, so it points into that session's recording.
 */
@Injectable()
export class TimedCommentsService {
  constructor(
    private readonly activities: EvaluatedActivities,
    private readonly comments: TimedCommentRepository,
    private readonly people: EvaluationPeople,
    private readonly sessions: CommentSessions,
  ) {}

  async list(user: User, activityId: Types.ObjectId): Promise<TimedCommentView[]> {
    const { activity } = await this.activities.readable(user, activityId);
    return this.viewsOf(activity.communityId, activity._id);
  }

  /** Comments at the server-timed second while the session is live, at the client's player time otherwise. */
  async create(user: User, activityId: Types.ObjectId, body: CreateTimedCommentRequest): Promise<TimedCommentView> {
    const { activity } = await this.activities.readable(user, activityId);
    const { atS, sessionId } = await this.sessions.timing(activity, body.atS);
    const doc = await this.comments.create(activity.communityId, {
      activityId: activity._id,
      ...(sessionId && { sessionId }),
      atS,
      text: body.text,
      authorId: user._id,
    });
    const person = await this.people.lookup(activity.communityId, [user._id]);
    const recordings = await this.sessions.recordings(activity.communityId, sessionId ? [sessionId] : []);
    return timedCommentView(doc, person(user._id), sessionId && recordings.get(sessionId.toHexString()));
  }

  /** The activity's comments by second, each with its session's recording (no access check: callers have checked it). */
  async viewsOf(communityId: Types.ObjectId, activityId: Types.ObjectId): Promise<TimedCommentView[]> {
    const docs = await this.comments.findByActivity(communityId, activityId);
    const person = await this.people.lookup(
      communityId,
      docs.map((c) => c.authorId),
    );
    const recordings = await this.sessions.recordings(
      communityId,
      docs.flatMap((c) => (c.sessionId ? [c.sessionId] : [])),
    );
    return docs.map((c) =>
      timedCommentView(c, person(c.authorId), c.sessionId && recordings.get(c.sessionId.toHexString())),
    );
  }
}
