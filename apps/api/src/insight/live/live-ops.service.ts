import { Injectable } from '@nestjs/common';
import { LessonConfig } from '@tongke/config';
import { LessonRole, type LiveOpsView } from '@tongke/contracts';
import { Types } from 'mongoose';
import { SessionIndexService } from '../../live/session-index/session-index.service';
import { AttendanceRepository } from '../../live/repositories/attendance.repository';
import { OrgDirectory } from '../../org/directory/org-directory.service';
import type { User } from '../../org/schemas/user.schema';
import type { ResolvedScope, ScopeCommunity } from '../scope/insight-scope';
import { InsightScopeResolver, type InsightScopeQuery } from '../scope/insight-scope.resolver';
import { LinkStatsReader } from './link-stats.reader';
import { involvesSchool, type LiveLesson, liveOpsView } from './live-ops-view.builder';

/** No lesson stays live longer than this: older `live` sessions (a node lost without an end) are not listed. */
const LIVE_LOOKBACK_MS = 12 * 3600_000;

/**
 * The live operations view (GET /api/insight/live): the lessons live now in the scope's
 * communities (from the Redis session index, not a collection scan; meetings excluded), each
 * classroom connected or not as its media node reports (or, for a lesson no node reports, from its
 * terminal's open attendance interval), and the lead's and classrooms' links.
 */
@Injectable()
export class LiveOpsService {
  constructor(
    private readonly scopes: InsightScopeResolver,
    private readonly index: SessionIndexService,
    private readonly attendance: AttendanceRepository,
    private readonly links: LinkStatsReader,
    private readonly directory: OrgDirectory,
    private readonly lesson: LessonConfig,
  ) {}

  /** The view of what `user` may see, narrowed by the query (403 / 404 from the scope). */
  async viewFor(user: User, query: InsightScopeQuery): Promise<LiveOpsView> {
    return this.view(await this.scopes.resolve(user, query));
  }

  async view(scope: ResolvedScope, now = new Date()): Promise<LiveOpsView> {
    const perCommunity = await Promise.all(scope.communities.map((c) => this.liveIn(c, scope.schoolId, now)));
    const lessons = perCommunity.flat();
    const links = await this.links.read(lessons.map((l) => l.session._id.toHexString()));
    for (const l of lessons) l.links = links.get(l.session._id.toHexString()) ?? undefined;
    // Attendance (a query over the collection) only for lessons no node reports: usually none.
    const unreported = lessons.filter((l) => !l.links);
    if (unreported.length > 0) {
      const open = await this.attendance.findOpen(
        unreported.map((l) => l.session._id),
        LessonRole.CLASSROOM,
      );
      for (const l of unreported) {
        const key = l.session._id.toHexString();
        l.openClassrooms = new Set(
          open.filter((a) => a.sessionId.toHexString() === key).flatMap((a) => a.classroomId ?? []),
        );
      }
    }
    return liveOpsView(lessons, now, scope.schoolId);
  }

  /** The community's live lessons (of the school, in a school scope). */
  private async liveIn(community: ScopeCommunity, schoolId: string | undefined, now: Date): Promise<LiveLesson[]> {
    const communityId = new Types.ObjectId(community.id);
    // A timetabled lesson's room opens openLeadMin before its planned start; an instant one starts at its creation.
    const latestStart = new Date(now.getTime() + (this.lesson.openLeadMin + 1) * 60_000);
    const [sessions, names] = await Promise.all([
      this.index.range(communityId, { all: true }, new Date(now.getTime() - LIVE_LOOKBACK_MS), latestStart),
      this.directory.of(communityId),
    ]);
    return sessions
      .filter((s) => s.status === 'live' && s.kind !== 'meeting')
      .filter((s) => !schoolId || involvesSchool(s, names, schoolId))
      .map((session) => ({ session, names, openClassrooms: new Set<string>() }));
  }
}
