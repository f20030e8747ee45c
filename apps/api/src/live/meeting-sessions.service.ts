import { Injectable } from '@nestjs/common';
import { ErrorCode, type LiveSessionView, Role, SUBJECTS, type Subject } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import type { CommunityDirectory } from '../org/directory/community-directory';
import { OrgDirectory } from '../org/directory/org-directory.service';
import type { User } from '../org/schemas/user.schema';
import { LiveSessionViewsService } from './live-session-views.service';
import { LiveSessionRepository } from './repositories/live-session.repository';
import { distinctIds } from '../org/shared/object-id';

/** Where a meeting's people are looked up: the community's directory, or a wider one (a district's). */
export type MeetingPeople = Pick<CommunityDirectory, 'user'>;

/** What starting a meeting takes (the caller hosts it). */
export interface StartMeetingInput {
  communityId: Types.ObjectId;
  title: string;
  subject: Subject;
  /** 1..9. */
  grade: number;
  /** The members (besides the host): accounts of `people`; the host is dropped if listed. */
  memberIds: Types.ObjectId[];
  /** Who may be listed: by default the community's accounts; a research group passes its district's. */
  people?: MeetingPeople;
  /** Who else may observe it (e.g. the group's observers); research officers and admins always may. */
  observerIds?: Types.ObjectId[];
  /** Planned length, 5..240 minutes. */
  durationMin: number;
  /** Record into the library. */
  record: boolean;
}

/** A small meeting: the host and at most this many members publish. */
export const MEETING_MAX_MEMBERS = 15;
const TITLE_MAX = 100;

/**
 * 网络教研: an online research meeting is a live session of kind `meeting` with no classrooms:
 * its host is the lead teacher (joins as LEAD), its listed members join as MEMBER and every one
 * of them publishes camera, mic and screen; its listed observers, research officers and admins of
 * the community may observe (other teachers may not: a group's meeting is not public). It starts now, like an instant lesson: `scheduled` and open at once,
 * `live` once the media node (placed at the first join) reports it started.
 */
@Injectable()
export class MeetingSessions {
  constructor(
    private readonly sessions: LiveSessionRepository,
    private readonly views: LiveSessionViewsService,
    private readonly directory: OrgDirectory,
  ) {}

  async start(host: User, input: StartMeetingInput, now = new Date()): Promise<LiveSessionView> {
    const people = input.people ?? (await this.directory.of(input.communityId));
    if (!people.user(host._id)) {
      throw new AppError(ErrorCode.FORBIDDEN, "a meeting can only be hosted by one of its community's people");
    }
    this.checkInput(input);
    const memberIds = this.members(host, input, people);
    const session = await this.sessions.create({
      communityId: input.communityId,
      kind: 'meeting',
      title: input.title.trim(),
      subject: input.subject,
      grade: input.grade,
      leadTeacherId: host._id,
      classroomIds: [],
      memberIds,
      observerIds: input.observerIds ?? [],
      plannedStart: now,
      plannedEnd: new Date(now.getTime() + input.durationMin * 60_000),
      createdBy: host._id,
      record: input.record,
      broadcast: false,
    });
    return this.views.toView(host, session, now);
  }

  private checkInput(input: StartMeetingInput): void {
    const title = typeof input.title === 'string' ? input.title.trim() : '';
    if (title.length < 1 || title.length > TITLE_MAX) {
      throw new AppError(ErrorCode.BAD_REQUEST, `title: 1..${TITLE_MAX} characters`);
    }
    if (!SUBJECTS.includes(input.subject))
      throw new AppError(ErrorCode.BAD_REQUEST, `unknown subject: ${input.subject}`);
    if (!Number.isInteger(input.grade) || input.grade < 1 || input.grade > 9) {
      throw new AppError(ErrorCode.BAD_REQUEST, 'grade: an integer 1..9');
    }
    if (!Number.isInteger(input.durationMin) || input.durationMin < 5 || input.durationMin > 240) {
      throw new AppError(ErrorCode.BAD_REQUEST, 'durationMin: an integer 5..240');
    }
    if (typeof input.record !== 'boolean') throw new AppError(ErrorCode.BAD_REQUEST, 'record: a boolean');
  }

  /** The distinct members but the host: enabled people (no terminals) of `input.people`. */
  private members(host: User, input: StartMeetingInput, people: MeetingPeople): Types.ObjectId[] {
    const distinct = distinctIds(input.memberIds).filter((id) => !id.equals(host._id));
    if (distinct.length > MEETING_MAX_MEMBERS) {
      throw new AppError(
        ErrorCode.BAD_REQUEST,
        `a meeting has at most ${MEETING_MAX_MEMBERS} members besides the host`,
      );
    }
    const refused = distinct.filter((id) => {
      const user = people.user(id);
      return !user || user.disabled || user.roles.includes(Role.TERMINAL);
    });
    if (refused.length) {
      throw new AppError(ErrorCode.BAD_REQUEST, `not an account that can take part: ${refused.map(String).join(', ')}`);
    }
    return distinct;
  }
}
