import { Injectable, Logger } from '@nestjs/common';
import { LessonRole, Role } from '@tongke/contracts';
import { hash } from 'argon2';
import type { Types } from 'mongoose';
import { InsightRebuildService } from '../insight/sources/insight-rebuild.service';
import { AttendanceRepository, type AttendeeIdentity } from '../live/repositories/attendance.repository';
import { LessonLifecycleService } from '../live/lesson-lifecycle.service';
import { TermRepository } from '../org/repositories/term.repository';
import { UserRepository } from '../org/repositories/user.repository';
import type { Term } from '../org/schemas/term.schema';
import { CourseScheduleRepository } from '../schedule/course-schedules/course-schedule.repository';
import { ScheduleMaterialiser } from '../schedule/course-schedules/schedule-materialiser.service';
import { LiveSessionRepository } from '../live/repositories/live-session.repository';
import type { LiveSession } from '../live/schemas/live-session.schema';
import { CommunityRepository } from '../org/repositories/community.repository';
import type { Community } from '../org/schemas/community.schema';
import { zoneOf } from '../schedule/terms/term.views';
import { localInstant, todayIn } from '../schedule/time/local-time';
import { DEMO_COMMUNITY, DEMO_PASSWORD, DEMO_USERS } from './demo-district.data';
import {
  DEMO_BELL_SCHEDULES_2,
  DEMO_CLASS_GROUPS_2,
  DEMO_CLASSROOMS_2,
  DEMO_COMMUNITY_2,
  DEMO_PAIRINGS_2,
  DEMO_SCHEDULES_2,
  DEMO_SCHOOLS_2,
  DEMO_TERM_2_ID,
  DEMO_USERS_2,
} from './demo-insight.data';
import { DemoOrgSeeder } from './demo-org.seeder';
import { ScheduleSeedService } from './schedule-seed.service';

const MINUTE = 60_000;
/** One lesson in this many was never joined (the lifecycle marks it missed). */
const MISSED_EVERY = 12;
/** One classroom-lesson in this many never connected. */
const ABSENT_EVERY = 9;
const NODE = 'demo-history';
/** The replay holds the lesson lifecycle at most this long. */
const HISTORY_MAX_MS = 10 * 60_000;

type Who = AttendeeIdentity;
interface DemoAccount {
  _id: Types.ObjectId;
  displayName: string;
  roles: readonly Role[];
  classroomId?: Types.ObjectId;
}
interface Visit {
  who: Who;
  from: Date;
  to: Date;
}

/** Timetabled lessons over by `now` that nobody taught yet, or left live without a node (an older replay). */
const replayable = (s: LiveSession, now: Date) =>
  s.kind === 'scheduled' &&
  s.plannedEnd < now &&
  (s.status === 'scheduled' || (s.status === 'live' && s.mediaNodeId === null));
/** Written last: its account marks the history complete. */
const LAST_ACCOUNT = DEMO_USERS_2[0];

const ALL_USERS: DemoAccount[] = [...DEMO_USERS, ...DEMO_USERS_2];
const terminalOf = (classroomId: Types.ObjectId) =>
  ALL_USERS.find((u) => u.classroomId?.equals(classroomId) && u.roles.includes(Role.TERMINAL));
const ASSISTANT: DemoAccount | undefined = DEMO_USERS.find((u) => u.username === 'assistant.liu');
const OBSERVER = DEMO_USERS.find((u) => u.username === 'research.sun');

/**
 * The demo's insight history: a second community of the demo district (with its timetable), and
 * the term so far written as taught (each lesson's attendance with closed intervals, then the
 * lesson ended with its times, through the live repositories, which signal insight), then both
 * communities' facts rebuilt, so the dashboards show real delivered lessons, attendance and
 * participation. Lessons over by the seed's time; one in MISSED_EVERY is left unjoined (missed).
 */
@Injectable()
export class InsightSeedService {
  private readonly logger = new Logger(InsightSeedService.name);

  constructor(
    private readonly org: DemoOrgSeeder,
    private readonly communities: CommunityRepository,
    private readonly timetable: ScheduleSeedService,
    private readonly sessions: LiveSessionRepository,
    private readonly attendance: AttendanceRepository,
    private readonly rebuild: InsightRebuildService,
    private readonly lifecycle: LessonLifecycleService,
    private readonly terms: TermRepository,
    private readonly schedules: CourseScheduleRepository,
    private readonly materialiser: ScheduleMaterialiser,
    private readonly users: UserRepository,
  ) {}

  /** Whether the history is complete: the second community's admin account is written last. */
  async isSeeded(): Promise<boolean> {
    return (await this.users.findForLogin(LAST_ACCOUNT.username)) !== null;
  }

  /**
   * Seeds (or completes, after an interrupted run: every step is idempotent) the second community
   * and the history of both; the second community's admin account is written last.
   */
  async seed(now = new Date()): Promise<{ replayed: number }> {
    const first = await this.found(DEMO_COMMUNITY._id);
    const term = await this.currentTerm(first, now);
    if (!term) throw new Error('the demo community has no term containing today');
    const passwordHash = await hash(DEMO_PASSWORD);
    const second = await this.seedSecondCommunity(term, passwordHash, now);
    // No lifecycle tick may mark the past lessons missed, nor change them under the rebuild.
    const replayed = await this.lifecycle.paused(() => this.replayAll([first, second], now), HISTORY_MAX_MS);
    await this.users.upsert({ subjects: [], ...LAST_ACCOUNT, communityId: second._id, passwordHash });
    this.logger.log(
      `demo insight history: ${replayed} past lessons replayed; second community ${second.name}, logins ` +
        DEMO_USERS_2.filter((u) => !u.username.startsWith('terminal'))
          .map((u) => `${u.username} = ${u.displayName}`)
          .join(', '),
    );
    return { replayed };
  }

  /** The second community (all but its last account), with the first one's term dates and its timetable. */
  private async seedSecondCommunity(term: Term, passwordHash: string, now: Date): Promise<Community> {
    const { name, startsOn, endsOn, holidays, makeupDays } = term;
    const secondTerm = { _id: DEMO_TERM_2_ID, name, startsOn, endsOn, holidays, makeupDays };
    await this.org.upsert(
      {
        community: DEMO_COMMUNITY_2,
        schools: DEMO_SCHOOLS_2,
        classrooms: DEMO_CLASSROOMS_2,
        pairings: DEMO_PAIRINGS_2,
        classGroups: DEMO_CLASS_GROUPS_2,
        term: secondTerm,
        users: DEMO_USERS_2.filter((u) => u !== LAST_ACCOUNT),
      },
      passwordHash,
    );
    const second = await this.found(DEMO_COMMUNITY_2._id);
    await this.timetable.seedCommunity(
      second,
      { ...secondTerm, communityId: second._id },
      { bells: DEMO_BELL_SCHEDULES_2, schedules: DEMO_SCHEDULES_2, leadSchoolId: DEMO_SCHOOLS_2[0]._id },
      now,
    );
    return second;
  }

  private async replayAll(communities: Community[], now: Date): Promise<number> {
    let replayed = 0;
    for (const community of communities) replayed += await this.replayTerm(community, now);
    // The research seed writes through repositories (no signals): a rebuild takes in its evaluations too.
    for (const c of communities) await this.rebuild.rebuildCommunity(c._id.toHexString());
    return replayed;
  }

  private async currentTerm(community: Community, now: Date): Promise<Term | undefined> {
    const today = todayIn(zoneOf(community), now);
    return (await this.terms.findByCommunity(community._id)).find((t) => t.startsOn <= today && today <= t.endsOn);
  }

  private async found(id: Types.ObjectId): Promise<Community> {
    const community = await this.communities.findById(id);
    if (!community) throw new Error(`demo community ${id.toHexString()} is missing`);
    return community;
  }

  /**
   * Materialises the term's past lessons of the community's course schedules (the timetable seed
   * wrote only the future ones), replays those that ended before `now`, and marks the ones left
   * unjoined missed. A lesson an interrupted run left live (started, not ended; no media node)
   * is replayed again (attendance already written is kept).
   */
  private async replayTerm(community: Community, now: Date): Promise<number> {
    const term = await this.currentTerm(community, now);
    if (!term) return 0;
    const from = localInstant(term.startsOn, '00:00', zoneOf(community));
    for (const schedule of await this.schedules.findByTerm(community._id, term._id)) {
      await this.materialiser.sync(schedule, term, community, from);
    }
    const past = await this.sessions.findStartingBetween(community._id, { all: true }, from, now);
    const unjoined: Types.ObjectId[] = [];
    let replayed = 0;
    for (const [i, session] of past.entries()) {
      if (!replayable(session, now)) continue;
      if (i % MISSED_EVERY === 5) unjoined.push(session._id);
      else {
        await this.replay(session, i);
        replayed++;
      }
    }
    await this.sessions.markMissed(unjoined, now);
    return replayed;
  }

  /** Writes the lesson's attendance (closed intervals), then the lesson as delivered. */
  private async replay(session: LiveSession, n: number): Promise<void> {
    const start = new Date(session.plannedStart.getTime() + (n % 3) * MINUTE);
    const end = session.plannedEnd;
    const visits = this.visits(session, n, start, end);
    await this.attendance.insertClosed(
      session.communityId,
      session._id,
      visits.map((v) => ({ who: v.who, intervals: [{ joinedAt: v.from, leftAt: v.to }] })),
    );
    await this.sessions.markDelivered(session.communityId, session._id, start, end);
  }

  /** Who was there: the lead, most classrooms (each leaving up to 3 minutes early), an assistant and an observer now and then. */
  private visits(session: LiveSession, n: number, start: Date, end: Date): Visit[] {
    const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * MINUTE);
    const lead = ALL_USERS.find((u) => u._id.equals(session.leadTeacherId));
    const visits: Visit[] = [];
    const who = (
      u: { _id: Types.ObjectId; displayName: string },
      role: LessonRole,
      classroomId?: Types.ObjectId,
    ): Who => ({
      peerId: `${NODE}-${u._id.toHexString()}-${n}`,
      userId: u._id.toHexString(),
      name: u.displayName,
      role,
      ...(classroomId && { classroomId: classroomId.toHexString() }),
    });
    if (lead) visits.push({ who: who(lead, LessonRole.LEAD), from: start, to: end });
    session.classroomIds.forEach((room, j) => {
      const terminal = terminalOf(room);
      if (!terminal || (n + j) % ABSENT_EVERY === 4) return;
      visits.push({ who: who(terminal, LessonRole.CLASSROOM, room), from: at(start, j), to: at(end, -((n + j) % 4)) });
      if (ASSISTANT?.classroomId?.equals(room) && n % 2 === 0) {
        visits.push({ who: who(ASSISTANT, LessonRole.ASSISTANT, room), from: at(start, j), to: end });
      }
    });
    if (OBSERVER && n % 4 === 1)
      visits.push({ who: who(OBSERVER, LessonRole.OBSERVER), from: at(start, 5), to: at(end, -5) });
    return visits;
  }
}
