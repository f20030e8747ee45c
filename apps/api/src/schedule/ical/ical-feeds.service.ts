import { Injectable, StreamableFile } from '@nestjs/common';
import { ErrorCode, type IcalLinkResponse, Role } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { Types } from 'mongoose';
import { managesSchool } from '../../auth/community-access.policy';
import type { CommunityScope } from '../../auth/community-scope';
import { ScheduledSessionsService } from '../../live/scheduled-sessions.service';
import { ClassroomsService } from '../../org/classrooms/classrooms.service';
import { CommunityRepository } from '../../org/repositories/community.repository';
import { UserRepository } from '../../org/repositories/user.repository';
import type { User } from '../../org/schemas/user.schema';
import { found } from '../../org/shared/found';
import { zoneOf } from '../terms/term.views';
import type { IcalLinkQuery } from './dto/ical-link.query';
import { buildCalendar } from './ical-calendar.builder';
import { type IcalSubject, IcalTokenService } from './ical-token.service';
import { distinctIds } from '../../org/shared/object-id';

const DAY_MS = 86_400_000;
/** The feed lists lessons from this many days back … */
const FEED_PAST_DAYS = 30;
/** … to this many ahead (a school year and a bit). */
const FEED_FUTURE_DAYS = 400;

const forbidden = (message: string) => new AppError(ErrorCode.FORBIDDEN, message);
const noCalendar = () => new AppError(ErrorCode.NOT_FOUND, 'no such calendar');

/** Private iCal subscription links per teacher and per classroom, and the feeds behind them. */
@Injectable()
export class IcalFeedsService {
  constructor(
    private readonly tokens: IcalTokenService,
    private readonly users: UserRepository,
    private readonly classrooms: ClassroomsService,
    private readonly communities: CommunityRepository,
    private readonly sessions: ScheduledSessionsService,
  ) {}

  /** A teacher's link: the teacher and admins; a classroom's: its terminal or assistant and admins. */
  async link(scope: CommunityScope, q: IcalLinkQuery): Promise<IcalLinkResponse> {
    if (!q.teacherId === !q.classroomId) {
      throw new AppError(ErrorCode.BAD_REQUEST, 'give exactly one of teacherId and classroomId');
    }
    const subject = q.teacherId
      ? await this.teacherSubject(scope, new Types.ObjectId(q.teacherId))
      : await this.classroomSubject(scope, new Types.ObjectId(q.classroomId));
    return { url: `/api/ical/${await this.tokens.sign(subject)}.ics` };
  }

  /** The calendar behind a link as a text/calendar answer (errors stay JSON). */
  async feedFile(token: string, now = new Date()): Promise<StreamableFile> {
    const text = await this.feed(token, now);
    return new StreamableFile(Buffer.from(text, 'utf8'), { type: 'text/calendar; charset=utf-8' });
  }

  /** The calendar text behind a link: lessons of the last 30 days and the year ahead. */
  async feed(token: string, now = new Date()): Promise<string> {
    const subject = await this.tokens.verify(token);
    const community = await this.communities.findById(subject.communityId);
    if (!community) throw noCalendar();
    const { name, who } = await this.owner(subject);
    const from = new Date(now.getTime() - FEED_PAST_DAYS * DAY_MS);
    const to = new Date(now.getTime() + FEED_FUTURE_DAYS * DAY_MS);
    const sessions = await this.sessions.calendarOf(community._id, who, from, to);
    const leadIds = [...new Map(sessions.map((s) => [s.leadTeacherId.toString(), s.leadTeacherId])).values()];
    const roomIds = distinctIds(sessions.flatMap((s) => s.classroomIds));
    const [leads, rooms] = await Promise.all([
      this.users.findByIds(community._id, leadIds),
      this.classrooms.findByIds(community._id, roomIds),
    ]);
    const leadNames = new Map(leads.map((u) => [u._id.toString(), u.displayName]));
    return buildCalendar({ name, zone: zoneOf(community), sessions, leadNames, rooms, now });
  }

  private async teacherSubject(scope: CommunityScope, id: Types.ObjectId): Promise<IcalSubject> {
    const teacher = await this.teacher(scope.communityId, id);
    if (!teacher) throw found(null, 'teacher', id);
    const own = scope.user._id.equals(id);
    if (!own && !(teacher.schoolId && managesSchool(scope, teacher.schoolId)) && !scope.communityAdmin) {
      throw forbidden("only the teacher and admins may get a teacher's calendar link");
    }
    return { kind: 'teacher', id, communityId: scope.communityId };
  }

  private async classroomSubject(scope: CommunityScope, id: Types.ObjectId): Promise<IcalSubject> {
    const room = found((await this.classrooms.findByIds(scope.communityId, [id])).get(id.toString()), 'classroom', id);
    const { user } = scope;
    const boundHere =
      (user.roles.includes(Role.TERMINAL) || user.roles.includes(Role.ASSISTANT)) && user.classroomId?.equals(id);
    if (!boundHere && !managesSchool(scope, new Types.ObjectId(room.schoolId))) {
      throw forbidden("only the classroom's terminal, its assistant and admins may get its calendar link");
    }
    return { kind: 'classroom', id, communityId: scope.communityId };
  }

  /** An enabled teacher of the community. */
  private async teacher(communityId: Types.ObjectId, id: Types.ObjectId): Promise<User | undefined> {
    const [user] = await this.users.findByIds(communityId, [id]);
    return user && !user.disabled && user.roles.includes(Role.TEACHER) ? user : undefined;
  }

  /** The calendar's name and whose lessons it lists; 404 when the teacher or classroom is gone. */
  private async owner(subject: IcalSubject) {
    if (subject.kind === 'teacher') {
      const teacher = await this.teacher(subject.communityId, subject.id);
      if (!teacher) throw noCalendar();
      return { name: `${teacher.displayName} 课表`, who: { leadTeacherId: subject.id } };
    }
    const room = (await this.classrooms.findByIds(subject.communityId, [subject.id])).get(subject.id.toString());
    if (!room) throw noCalendar();
    return { name: `${room.name}（${room.schoolName}）课表`, who: { classroomId: subject.id } };
  }
}
