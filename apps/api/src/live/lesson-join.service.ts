import { Injectable } from '@nestjs/common';
import { LessonConfig } from '@tongke/config';
import { ErrorCode, type JoinLessonResponse, LessonRole } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import { ClassroomsService } from '../org/classrooms/classrooms.service';
import { CommunityRepository } from '../org/repositories/community.repository';
import type { User } from '../org/schemas/user.schema';
import { JoinTokenService } from './join-token.service';
import { LiveSessionViewsService } from './live-session-views.service';
import { MediaPlacementService } from './media-placement.service';
import { watchRefusal } from './policy/broadcast.policy';
import { resolveLessonRole } from './policy/lesson-role.policy';
import { joinRefusal } from './policy/lesson-window.policy';
import { zoneOf } from './policy/local-dates';
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
    private readonly communities: CommunityRepository,
    private readonly lesson: LessonConfig,
  ) {}

  async join(user: User, sessionId: Types.ObjectId, as?: 'observer', now = new Date()): Promise<JoinLessonResponse> {
    const session = await this.sessions.findForAccount(user, sessionId);
    if (!session) throw new AppError(ErrorCode.NOT_FOUND, `no live session ${sessionId}`);
    const role = resolveLessonRole(user, session, as === 'observer');
    if (!role) throw new AppError(ErrorCode.FORBIDDEN, 'you are not a participant of this lesson');
    await this.assertJoinable(session, now);
    const name = await this.displayName(user, session, role);
    return this.issue(user, session, { role, cid: this.classroomOf(user, role)?.toString(), name }, now);
  }

  /**
   * POST /api/live-sessions/:id/watch: a view-only (VIEWER) token for a broadcast lesson, for any
   * member of its community but terminals. 403 when the lesson is not broadcast; 410/409 as for
   * joins, and 409 LESSON_NOT_OPEN until a participant has started the lesson (viewers never start it).
   */
  async watch(user: User, sessionId: Types.ObjectId, now = new Date()): Promise<JoinLessonResponse> {
    const session = user.communityId ? await this.sessions.findById(user.communityId, sessionId) : null;
    if (!session) throw new AppError(ErrorCode.NOT_FOUND, `no live session ${sessionId}`);
    const refusal = watchRefusal(user, session);
    if (refusal) throw refusal;
    await this.assertJoinable(session, now);
    if (session.status !== 'live') {
      throw new AppError(ErrorCode.LESSON_NOT_OPEN, 'the broadcast starts when the lesson does: try again shortly');
    }
    return this.issue(user, session, { role: LessonRole.VIEWER, name: user.displayName }, now);
  }

  /** Places the lesson on a media node and signs the caller's join token for it. */
  private async issue(
    user: User,
    session: LiveSession,
    who: { role: LessonRole; cid?: string; name: string },
    now: Date,
  ): Promise<JoinLessonResponse> {
    const placed = await this.placement.place(session);
    const { token, expiresAt } = await this.tokens.sign({
      sid: session._id.toString(),
      sub: user._id.toString(),
      com: session.communityId.toString(),
      ...who,
      title: session.title,
      rec: session.record !== false,
    });
    return {
      token,
      mediaUrl: placed.url,
      role: who.role,
      expiresAt: expiresAt.toISOString(),
      session: await this.views.toView(user, session, now),
    };
  }

  /** 410 for ended, missed or cancelled lessons; 409 before a timetabled lesson's room opens. */
  private async assertJoinable(session: LiveSession, now: Date): Promise<void> {
    const community = await this.communities.findById(session.communityId);
    const refusal = joinRefusal(session, now, this.lesson.openLeadMin, zoneOf(community ?? {}));
    if (refusal) throw refusal;
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
