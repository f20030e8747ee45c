import { Injectable } from '@nestjs/common';
import { ErrorCode, type JoinLessonResponse, LessonRole } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import { ClassroomsService } from '../org/classrooms/classrooms.service';
import type { User } from '../org/schemas/user.schema';
import { JoinTokenService } from './join-token.service';
import { LiveSessionViewsService } from './live-session-views.service';
import { MediaPlacementService } from './media-placement.service';
import { resolveLessonRole } from './policy/lesson-role.policy';
import { LiveSessionRepository } from './repositories/live-session.repository';
import type { LiveSession } from './schemas/live-session.schema';

/** POST /api/live-sessions/:id/join: the caller's lesson role, a join token and the media node's URL. */
@Injectable()
export class LessonJoinService {
  constructor(
    private readonly sessions: LiveSessionRepository,
    private readonly classrooms: ClassroomsService,
    private readonly placement: MediaPlacementService,
    private readonly tokens: JoinTokenService,
    private readonly views: LiveSessionViewsService,
  ) {}

  async join(user: User, sessionId: Types.ObjectId, as?: 'observer'): Promise<JoinLessonResponse> {
    const session = user.communityId ? await this.sessions.findById(user.communityId, sessionId) : null;
    if (!session) throw new AppError(ErrorCode.NOT_FOUND, `no live session ${sessionId}`);
    const role = resolveLessonRole(user, session, as === 'observer');
    if (!role) throw new AppError(ErrorCode.FORBIDDEN, 'you are not a participant of this lesson');
    if (session.status === 'ended') throw new AppError(ErrorCode.LESSON_ENDED, 'the lesson has ended');
    const placed = await this.placement.place(session);
    const { token, expiresAt } = await this.tokens.sign({
      sid: session._id.toString(),
      sub: user._id.toString(),
      com: session.communityId.toString(),
      role,
      cid: this.classroomOf(user, role)?.toString(),
      name: await this.displayName(user, session, role),
      title: session.title,
    });
    return {
      token,
      mediaUrl: placed.url,
      role,
      expiresAt: expiresAt.toISOString(),
      session: await this.views.toView(user, session),
    };
  }

  private classroomOf(user: User, role: LessonRole): Types.ObjectId | undefined {
    return role === LessonRole.CLASSROOM || role === LessonRole.ASSISTANT ? user.classroomId : undefined;
  }

  /** A classroom terminal appears as its classroom; everyone else by name. */
  private async displayName(user: User, session: LiveSession, role: LessonRole): Promise<string> {
    if (role !== LessonRole.CLASSROOM || !user.classroomId) return user.displayName;
    const rooms = await this.classrooms.findByIds(session.communityId, [user.classroomId]);
    return rooms.get(user.classroomId.toString())?.name ?? user.displayName;
  }
}
