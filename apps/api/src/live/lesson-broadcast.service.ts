import { Injectable } from '@nestjs/common';
import { ErrorCode, type LiveSessionStatus, type LiveSessionView } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import { AuditService } from '../audit/audit.service';
import { BroadcastSignalPublisher } from './broadcast-signal.publisher';
import type { User } from '../org/schemas/user.schema';
import { LiveSessionViewsService } from './live-session-views.service';
import { LiveSessionsService } from './live-sessions.service';
import { managesBroadcast, seesBroadcast } from './policy/broadcast.policy';
import { LiveSessionRepository } from './repositories/live-session.repository';

const LIST_LIMIT = 100;
/** Lessons whose broadcast can no longer change. */
const CLOSED: readonly LiveSessionStatus[] = ['ended', 'missed', 'cancelled'];

/** The broadcast (名校网络课堂) of live lessons: opening/closing it and listing the community's broadcasts. */
@Injectable()
export class LessonBroadcastService {
  constructor(
    private readonly sessions: LiveSessionRepository,
    private readonly views: LiveSessionViewsService,
    private readonly lessons: LiveSessionsService,
    private readonly audit: AuditService,
    private readonly signal: BroadcastSignalPublisher,
  ) {}

  /**
   * Opens or closes the lesson to view-only audiences: its lead teacher or an admin of its community,
   * while the lesson has not ended (410 LESSON_ENDED for ended, missed or cancelled ones). Audited;
   * media nodes hear it at once (a closed broadcast drops its connected viewers).
   */
  async setBroadcast(user: User, id: Types.ObjectId, broadcast: boolean): Promise<LiveSessionView> {
    const session = await this.lessons.findVisible(user, id);
    if (!managesBroadcast(user, session)) {
      throw new AppError(ErrorCode.FORBIDDEN, 'only the lead teacher or an admin opens or closes the broadcast');
    }
    if (broadcast && session.kind === 'meeting') {
      throw new AppError(
        ErrorCode.BAD_REQUEST,
        'a research meeting (网络教研) is not broadcast: observers join it instead',
      );
    }
    if (CLOSED.includes(session.status)) {
      throw new AppError(ErrorCode.LESSON_ENDED, `the lesson is ${session.status}: its broadcast can no longer change`);
    }
    if (session.broadcast !== broadcast) {
      await this.sessions.setBroadcast(session.communityId, id, broadcast);
      // The node hosting the lesson admits or drops its viewers now (not only on the lead's console).
      await this.signal.publish({ sessionId: id.toHexString(), on: broadcast });
      const target = { type: 'live_session', id, name: session.title };
      await this.audit.record(user, session.communityId, broadcast ? 'broadcast.open' : 'broadcast.close', target, [
        'broadcast',
      ]);
    }
    return this.views.toView(user, await this.lessons.findVisible(user, id));
  }

  /** The community's broadcast lessons the caller may watch, newest first (terminals: none). */
  async list(user: User, status?: LiveSessionStatus): Promise<LiveSessionView[]> {
    if (!user.communityId) return [];
    const found = await this.sessions.listBroadcasts(user.communityId, status, LIST_LIMIT);
    return this.views.toViews(
      user,
      found.filter((s) => seesBroadcast(user, s)),
    );
  }
}
