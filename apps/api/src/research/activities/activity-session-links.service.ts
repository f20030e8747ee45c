import { Injectable } from '@nestjs/common';
import { ErrorCode, type startActivityLessonSchema } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { Types } from 'mongoose';
import type { z } from 'zod';
import { LiveSessionsService } from '../../live/live-sessions.service';
import { LiveSessionRepository } from '../../live/repositories/live-session.repository';
import { notFound } from '../../org/shared/found';
import type { User } from '../../org/schemas/user.schema';
import { EvaluationRepository } from '../evaluations/evaluation.repository';
import { TimedCommentRepository } from '../evaluations/timed-comment.repository';
import type { AccessibleActivity } from './activity-access.service';
import { ActivityStartLock } from './activity-start-lock.service';
import { ResearchActivityRepository } from './research-activity.repository';
import type { ResearchActivity } from './research-activity.schema';

export type StartLessonBody = z.output<typeof startActivityLessonSchema>;

/** Sessions that are still to come or running: starting an activity linked to one answers that one. */
const RUNNING = new Set(['scheduled', 'live']);

/** Linking research activities to live sessions: existing ones, and lessons and meetings started for them. */
@Injectable()
export class ActivitySessionLinks {
  constructor(
    private readonly sessions: LiveSessionRepository,
    private readonly lessons: LiveSessionsService,
    private readonly activities: ResearchActivityRepository,
    private readonly lock: ActivityStartLock,
    private readonly evaluations: EvaluationRepository,
    private readonly comments: TimedCommentRepository,
  ) {}

  /** The session if it is a live session of the activity's community led by its teacher (400 otherwise). */
  async assertLinkable(activity: ResearchActivity, sessionId: Types.ObjectId): Promise<Types.ObjectId> {
    const session = await this.sessions.findById(activity.communityId, sessionId);
    if (!session?.leadTeacherId.equals(activity.teacherId)) {
      throw new AppError(
        ErrorCode.BAD_REQUEST,
        `sessionId ${sessionId.toString()} is not a live session of this community led by the activity's teacher`,
      );
    }
    return session._id;
  }

  /**
   * 一课双研: the activity's teacher starts its lesson now, an instant lesson to the classrooms
   * titled after the activity, and links it. Group members observe it through the observer role.
   */
  async startLesson(user: User, found: AccessibleActivity, body: StartLessonBody): Promise<ResearchActivity> {
    const { activity } = found;
    if (activity.kind !== 'lesson-study') {
      throw new AppError(ErrorCode.BAD_REQUEST, 'only lesson-study activities are taught as a live lesson');
    }
    if (!found.isTeacher) throw new AppError(ErrorCode.FORBIDDEN, "only the activity's teacher may start its lesson");
    return this.startOnce(activity, async () => {
      const lesson = await this.lessons.createInstant(user, {
        title: activity.title,
        subject: activity.subject,
        grade: activity.grade,
        classroomIds: body.classroomIds,
        durationMin: body.durationMin,
        record: body.record,
      });
      return lesson.id;
    });
  }

  /**
   * Starts the activity's session with `start` (which answers its id) and links it, one caller at a
   * time per activity: when a session linked to it is still to come or running, answers the activity
   * with that session instead of starting another (a second click, another tab, another member).
   */
  async startOnce(activity: ResearchActivity, start: () => Promise<string>): Promise<ResearchActivity> {
    return this.lock.run(activity._id, async () => {
      const current = await this.activities.findOne(activity.communityId, activity._id);
      if (!current) throw notFound('research activity', activity._id);
      if (await this.hasRunningSession(current)) return current;
      await this.assertRelinkable(current);
      return this.link(current, new Types.ObjectId(await start()));
    });
  }

  /**
   * 409 when the activity's linked session would be replaced by another (`next`; absent: a new one;
   * null: unlinked) although the activity was already observed on it: its evaluations and timed
   * comments are of that lesson and its recording. Another lesson is another activity.
   */
  async assertRelinkable(activity: ResearchActivity, next?: Types.ObjectId | null): Promise<void> {
    if (!activity.sessionId || next?.equals(activity.sessionId)) return;
    const [evaluations, comments] = await Promise.all([
      this.evaluations.count(activity.communityId, { activityId: activity._id }),
      this.comments.count(activity.communityId, { activityId: activity._id }),
    ]);
    if (evaluations + comments > 0) {
      throw new AppError(
        ErrorCode.CONFLICT,
        `the activity was observed on its session ${activity.sessionId.toHexString()} (${evaluations} evaluation(s), ` +
          `${comments} timed comment(s)): that lesson can no longer be replaced; create a new activity for another lesson`,
      );
    }
  }

  /** Whether the activity's linked session is still to come or running. */
  private async hasRunningSession(activity: ResearchActivity): Promise<boolean> {
    const current = activity.sessionId && (await this.sessions.findById(activity.communityId, activity.sessionId));
    if (!current || !RUNNING.has(current.status)) return false;
    // A scheduled session whose planned end has passed never started (nobody joined): not running.
    return !(current.status === 'scheduled' && current.plannedEnd.getTime() < Date.now());
  }

  private async link(activity: ResearchActivity, sessionId: Types.ObjectId): Promise<ResearchActivity> {
    const updated = await this.activities.update(activity.communityId, activity._id, { sessionId });
    if (!updated) throw notFound('research activity', activity._id);
    return updated;
  }
}
