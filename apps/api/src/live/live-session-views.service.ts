import { Injectable } from '@nestjs/common';
import { LessonConfig } from '@tongke/config';
import type { ClassroomRef, LiveSessionView } from '@tongke/contracts';
import type { Types } from 'mongoose';
import type { CommunityDirectory } from '../org/directory/community-directory';
import { OrgDirectory } from '../org/directory/org-directory.service';
import { type LessonUser, resolveLessonRole } from './policy/lesson-role.policy';
import { isOpen, opensAt } from './policy/lesson-window.policy';
import type { LiveSession } from './schemas/live-session.schema';
import { distinctIds } from '../org/shared/object-id';

/** Turns stored sessions into the views clients get (lead teacher's name, classrooms, the caller's role). */
@Injectable()
export class LiveSessionViewsService {
  constructor(
    private readonly directory: OrgDirectory,
    private readonly lesson: LessonConfig,
  ) {}

  async toView(user: LessonUser, session: LiveSession, now = new Date()): Promise<LiveSessionView> {
    const [view] = await this.toViews(user, [session], now);
    return view;
  }

  /** All sessions must belong to one community; `open` is as of `now`. */
  async toViews(user: LessonUser, sessions: LiveSession[], now = new Date()): Promise<LiveSessionView[]> {
    if (sessions.length === 0) return [];
    const directory = await this.directory.of(sessions[0].communityId);
    const leadIds = distinctIds(sessions.map((s) => s.leadTeacherId));
    const leadNames = new Map(
      await Promise.all(leadIds.map(async (id) => [id.toString(), await this.leadName(directory, id)] as const)),
    );
    const rooms = directory.classroomRefs(distinctIds(sessions.flatMap((s) => s.classroomIds)));
    return sessions.map((s) => this.view(user, s, { leadNames, rooms, now }));
  }

  /** A meeting's host may come from another community of the district (a research group's people). */
  private async leadName(directory: CommunityDirectory, id: Types.ObjectId): Promise<string> {
    return directory.user(id)?.displayName ?? (await this.directory.activeUser(id))?.displayName ?? '';
  }

  private view(
    user: LessonUser,
    s: LiveSession,
    ctx: { leadNames: Map<string, string>; rooms: Map<string, ClassroomRef>; now: Date },
  ): LiveSessionView {
    const { leadNames, rooms, now } = ctx;
    const myRole = resolveLessonRole(user, s);
    return {
      id: s._id.toString(),
      communityId: s.communityId.toString(),
      kind: s.kind,
      title: s.title,
      subject: s.subject,
      grade: s.grade,
      status: s.status,
      leadTeacher: { id: s.leadTeacherId.toString(), name: leadNames.get(s.leadTeacherId.toString()) ?? '' },
      classrooms: s.classroomIds.flatMap((id) => rooms.get(id.toString()) ?? []),
      plannedStart: s.plannedStart.toISOString(),
      plannedEnd: s.plannedEnd.toISOString(),
      ...(s.startedAt && { startedAt: s.startedAt.toISOString() }),
      ...(s.endedAt && { endedAt: s.endedAt.toISOString() }),
      ...(myRole && { myRole }),
      ...(s.scheduleId && { scheduleId: s.scheduleId.toString() }),
      opensAt: opensAt(s, this.lesson.openLeadMin).toISOString(),
      open: isOpen(s, now, this.lesson.openLeadMin),
      record: s.record !== false,
      broadcast: s.broadcast === true,
      ...(s.resourceId && { resourceId: s.resourceId.toString() }),
    };
  }
}
