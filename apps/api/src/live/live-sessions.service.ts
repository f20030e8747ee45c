import { Injectable } from '@nestjs/common';
import { ErrorCode, type LiveSessionStatus, type LiveSessionView, Role } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { Types } from 'mongoose';
import { OrgDirectory } from '../org/directory/org-directory.service';
import type { User } from '../org/schemas/user.schema';
import type { CreateInstantLessonDto } from './dto/create-instant-lesson.dto';
import { LiveSessionViewsService } from './live-session-views.service';
import { seesBroadcast } from './policy/broadcast.policy';
import { resolveLessonRole } from './policy/lesson-role.policy';
import { localDayOf, zoneOf } from './policy/local-dates';
import {
  LiveSessionRepository,
  type SessionParties,
  type SessionVisibility,
} from './repositories/live-session.repository';
import type { LiveSession } from './schemas/live-session.schema';
import { SessionIndexService } from './session-index/session-index.service';

const LIST_LIMIT = 100;
const DEFAULT_DURATION_MIN = 40;
/** Roles that see every session of their community. */
const COMMUNITY_WIDE: readonly Role[] = [Role.COMMUNITY_ADMIN, Role.DISTRICT_ADMIN, Role.RESEARCH_OFFICER];

/** Creating, listing and reading live sessions. */
@Injectable()
export class LiveSessionsService {
  constructor(
    private readonly sessions: LiveSessionRepository,
    private readonly views: LiveSessionViewsService,
    private readonly directory: OrgDirectory,
    private readonly index: SessionIndexService,
  ) {}

  /** 即时课堂: the caller leads; the session stays `scheduled` until the media node reports it started. */
  async createInstant(user: User, dto: CreateInstantLessonDto, now = new Date()): Promise<LiveSessionView> {
    const communityId = this.communityOf(user);
    const ids = [...new Set(dto.classroomIds.map((id) => id.toLowerCase()))];
    const classroomIds = ids.map((id) => new Types.ObjectId(id));
    const directory = await this.directory.of(communityId);
    const unknown = ids.filter((id) => !directory.classroom(id));
    if (unknown.length) throw new AppError(ErrorCode.BAD_REQUEST, `unknown classroom: ${unknown.join(', ')}`);
    const session = await this.sessions.create({
      communityId,
      kind: 'instant',
      title: dto.title,
      subject: dto.subject,
      grade: dto.grade,
      leadTeacherId: user._id,
      classroomIds,
      plannedStart: now,
      plannedEnd: new Date(now.getTime() + (dto.durationMin ?? DEFAULT_DURATION_MIN) * 60_000),
      createdBy: user._id,
      record: dto.record ?? true,
      broadcast: dto.broadcast ?? false,
    });
    return this.views.toView(user, session);
  }

  /** The sessions the caller may see, newest first (at most 100). */
  async list(user: User, status?: LiveSessionStatus): Promise<LiveSessionView[]> {
    if (!user.communityId) return [];
    const found = await this.sessions.list(user.communityId, this.visibility(user), status, LIST_LIMIT);
    return this.views.toViews(user, found);
  }

  /**
   * The caller's lessons starting today in the community's time zone, by start, whatever their
   * status (the page shows ended, missed and cancelled ones too): a lead teacher's own, a
   * terminal's or assistant's classroom's, the whole community's for community-wide roles.
   */
  async today(user: User, now = new Date()): Promise<LiveSessionView[]> {
    if (!user.communityId) return [];
    const community = await this.directory.community(user.communityId);
    const { start, end } = localDayOf(now, zoneOf(community ?? {}));
    const found = await this.index.range(user.communityId, this.parties(user), start, end);
    return this.views.toViews(user, found, now);
  }

  async get(user: User, id: Types.ObjectId): Promise<LiveSessionView> {
    return this.views.toView(user, await this.findVisible(user, id));
  }

  /**
   * A session of the caller's community that the caller lists, may join (e.g. a teacher
   * observing a colleague's lesson from a shared link) or may watch (a broadcast); 404 otherwise.
   */
  async findVisible(user: User, id: Types.ObjectId): Promise<LiveSession> {
    const session = await this.sessions.findForAccount(user, id);
    if (!session || !this.sees(user, session)) throw new AppError(ErrorCode.NOT_FOUND, `no live session ${id}`);
    return session;
  }

  private sees(user: User, session: LiveSession): boolean {
    const v = this.visibility(user);
    return (
      v.all === true ||
      resolveLessonRole(user, session) !== null ||
      seesBroadcast(user, session) ||
      v.leadTeacherId?.equals(session.leadTeacherId) === true ||
      session.classroomIds.some((c) => v.classroomId?.equals(c))
    );
  }

  private visibility(user: User): SessionVisibility {
    const classroomBound = user.roles.includes(Role.TERMINAL) || user.roles.includes(Role.ASSISTANT);
    return {
      all: user.roles.some((r) => COMMUNITY_WIDE.includes(r)),
      ...(user.roles.includes(Role.TEACHER) && { leadTeacherId: user._id, memberId: user._id }),
      ...(classroomBound && user.classroomId && { classroomId: user.classroomId }),
    };
  }

  private parties(user: User): SessionParties {
    const v = this.visibility(user);
    return {
      all: v.all,
      ...(v.leadTeacherId && { leadTeacherIds: [v.leadTeacherId] }),
      ...(v.classroomId && { classroomIds: [v.classroomId] }),
    };
  }

  private communityOf(user: User): Types.ObjectId {
    if (!user.communityId) throw new AppError(ErrorCode.FORBIDDEN, 'this account belongs to no community');
    return user.communityId;
  }
}
