import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { AttendanceRepository } from '../../live/repositories/attendance.repository';
import { LiveSessionRepository } from '../../live/repositories/live-session.repository';
import { DRAIN_LOCK_WAIT_MS } from '../rollups/insight-community.lock';
import type { Contribution } from '../rollups/insight-contribution';
import { InsightProjector } from '../rollups/insight.projector';
import { lessonFactKey } from '../signals/insight-signal.keys';
import { InsightOrgLookups } from './insight-org-lookups.service';
import { LessonFactBuilder, type LessonFactSession } from './lesson-fact.builder';

/**
 * Recomputes one lesson's fact (`les:<sessionId>`) from the session, its attendance and the org
 * lookups, and puts it into the rollups (a deleted session or a meeting takes its fact out).
 * Attendance is read only for ended lessons: nothing else counts it.
 */
@Injectable()
export class LessonFactsService {
  constructor(
    private readonly sessions: LiveSessionRepository,
    private readonly attendance: AttendanceRepository,
    private readonly lookups: InsightOrgLookups,
    private readonly builder: LessonFactBuilder,
    private readonly projector: InsightProjector,
  ) {}

  /** Recomputes the lesson's fact under its community's lock (see InsightProjector.refresh). */
  async refresh(sessionId: string): Promise<void> {
    await this.projector.refresh(lessonFactKey(sessionId), () => this.compute(sessionId), DRAIN_LOCK_WAIT_MS);
  }

  /** The lesson's contribution now, or null (an unknown id, a deleted session, a meeting). */
  private async compute(sessionId: string): Promise<Contribution | null> {
    if (!Types.ObjectId.isValid(sessionId)) return null;
    const session = (await this.sessions.findByIdForService(new Types.ObjectId(sessionId))) as LessonFactSession | null;
    if (!session || session.kind === 'meeting') return null;
    const attendance =
      session.status === 'ended' ? await this.attendance.findBySession(session.communityId, session._id) : [];
    const org = await this.lookups.forLesson(session, attendance);
    return this.builder.build(session, attendance, org);
  }
}
