import { Injectable } from '@nestjs/common';
import { ErrorCode, type startActivityLessonSchema } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { Types } from 'mongoose';
import type { z } from 'zod';
import { LiveSessionsService } from '../../live/live-sessions.service';
import { LiveSessionRepository } from '../../live/repositories/live-session.repository';
import type { User } from '../../org/schemas/user.schema';
import type { AccessibleActivity } from './activity-access.service';
import { ResearchActivityRepository } from './research-activity.repository';
import type { ResearchActivity } from './research-activity.schema';

export type StartLessonBody = z.output<typeof startActivityLessonSchema>;

/** Sessions that are still to come or running: an activity linked to one cannot start another. */
const RUNNING = new Set(['scheduled', 'live']);

/** Linking research activities to live sessions: existing ones, and lessons started for them. */
@Injectable()
export class ActivitySessionLinks {
  constructor(
    private readonly sessions: LiveSessionRepository,
    private readonly lessons: LiveSessionsService,
    private readonly activities: ResearchActivityRepository,
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
    await this.assertNoRunningSession(activity);
    const lesson = await this.lessons.createInstant(user, {
      title: activity.title,
      subject: activity.subject,
      grade: activity.grade,
      classroomIds: body.classroomIds,
      durationMin: body.durationMin,
      record: body.record,
    });
    return this.link(activity, new Types.ObjectId(lesson.id));
  }

  /** 409 while the activity's linked session is still to come or running. */
  async assertNoRunningSession(activity: ResearchActivity): Promise<void> {
    const current = activity.sessionId && (await this.sessions.findById(activity.communityId, activity.sessionId));
    // A scheduled session whose planned end has passed never started (nobody joined): not running.
    const stale = current && current.status === 'scheduled' && current.plannedEnd.getTime() < Date.now();
    if (current && RUNNING.has(current.status) && !stale) {
      throw new AppError(ErrorCode.CONFLICT, `the activity's session ${current._id.toString()} is ${current.status}`);
    }
  }

  async link(activity: ResearchActivity, sessionId: Types.ObjectId): Promise<ResearchActivity> {
    const updated = await this.activities.update(activity.communityId, activity._id, { sessionId });
    if (!updated) throw new AppError(ErrorCode.NOT_FOUND, `no research activity ${activity._id.toString()}`);
    return updated;
  }
}
