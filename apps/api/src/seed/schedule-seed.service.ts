import { Injectable, Logger } from '@nestjs/common';
import { ApiServerConfig } from '@tongke/config';
import { ErrorCode } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { CommunityRepository } from '../org/repositories/community.repository';
import { TermRepository } from '../org/repositories/term.repository';
import type { Community } from '../org/schemas/community.schema';
import type { Term } from '../org/schemas/term.schema';
import { BellScheduleRepository } from '../schedule/bell-schedules/bell-schedule.repository';
import { CourseScheduleRepository } from '../schedule/course-schedules/course-schedule.repository';
import { defaultTitle } from '../schedule/course-schedules/schedule-draft';
import { ScheduleMaterialiser } from '../schedule/course-schedules/schedule-materialiser.service';
import { zoneOf } from '../schedule/terms/term.views';
import { addDays, mondayOf, todayIn } from '../schedule/time/local-time';
import { DEMO_COMMUNITY } from './demo-district.data';
import type { BellPeriod } from '@tongke/contracts';
import type { Types } from 'mongoose';
import {
  DEMO_BELL_SCHEDULES,
  type DemoSchedule,
  DEMO_FALLBACK_TERM_WEEKS,
  DEMO_SCHEDULER,
  DEMO_SCHEDULES,
  URBAN_PERIODS,
} from './schedule-seed.data';

/** A demo community's timetable: bell schedules per school and the lead school's course schedules. */
export interface DemoTimetable {
  bells: { schoolId: Types.ObjectId; periods: BellPeriod[] }[];
  schedules: DemoSchedule[];
  leadSchoolId: Types.ObjectId;
}

/**
 * The demo timetable: bell schedules of the demo schools, a term containing the seed date (so
 * "today" always has one), and the demo course schedules in it, materialised into lessons.
 */
@Injectable()
export class ScheduleSeedService {
  private readonly logger = new Logger(ScheduleSeedService.name);

  constructor(
    private readonly server: ApiServerConfig,
    private readonly communities: CommunityRepository,
    private readonly terms: TermRepository,
    private readonly bells: BellScheduleRepository,
    private readonly schedules: CourseScheduleRepository,
    private readonly materialiser: ScheduleMaterialiser,
  ) {}

  /**
   * `fresh`: the demo district was just seeded. A term added for today gets the demo schedules
   * too. The schedules (and their lessons) only with SEED_DEMO_TIMETABLE (default on).
   */
  async ensure(fresh: boolean, now = new Date()): Promise<void> {
    const community = await this.communities.findById(DEMO_COMMUNITY._id);
    if (!community) throw new AppError(ErrorCode.INTERNAL, 'the demo community is missing');
    if (fresh) {
      for (const b of DEMO_BELL_SCHEDULES) await this.bells.put(community._id, b.schoolId, b.periods);
    }
    const { term, added } = await this.currentTerm(community, now);
    if ((fresh || added) && this.server.seedDemoTimetable) {
      await this.seedSchedules(
        community,
        term,
        { schedules: DEMO_SCHEDULES, leadSchoolId: DEMO_BELL_SCHEDULES[0].schoolId },
        now,
      );
    }
  }

  /** Another demo community's timetable: its bell schedules, then its course schedules materialised in `term`. */
  async seedCommunity(community: Community, term: Term, timetable: DemoTimetable, now = new Date()): Promise<void> {
    for (const b of timetable.bells) await this.bells.put(community._id, b.schoolId, b.periods);
    await this.seedSchedules(community, term, timetable, now);
  }

  private async currentTerm(community: Community, now: Date): Promise<{ term: Term; added: boolean }> {
    const today = todayIn(zoneOf(community), now);
    const terms = await this.terms.findByCommunity(community._id);
    const term = terms.find((t) => t.startsOn <= today && today <= t.endsOn);
    if (term) return { term, added: false };
    const startsOn = mondayOf(today);
    const endsOn = addDays(startsOn, DEMO_FALLBACK_TERM_WEEKS * 7 - 3);
    const added = await this.terms.create(community._id, {
      name: `演示学期（${startsOn} 至 ${endsOn}）`,
      startsOn,
      endsOn,
      holidays: [],
      makeupDays: [],
    });
    this.logger.log(`added the demo term ${added.name}: no term contained ${today}`);
    return { term: added, added: true };
  }

  private async seedSchedules(
    community: Community,
    term: Term,
    timetable: Pick<DemoTimetable, 'schedules' | 'leadSchoolId'>,
    now: Date,
  ): Promise<void> {
    if ((await this.schedules.count(community._id, { termId: term._id })) > 0) return;
    let lessons = 0;
    for (const d of timetable.schedules) {
      const slot = URBAN_PERIODS[d.period - 1];
      const schedule = await this.schedules.create(community._id, {
        ...d,
        termId: term._id,
        title: defaultTitle(d.subject, d.grade),
        leadSchoolId: timetable.leadSchoolId,
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        from: term.startsOn,
        until: term.endsOn,
        exceptions: [],
        createdBy: DEMO_SCHEDULER,
      });
      lessons += (await this.materialiser.sync(schedule, term, community, now)).created;
    }
    this.logger.log(
      `demo timetable of ${community.name}: ${timetable.schedules.length} course schedules, ${lessons} lessons in ${term.name}`,
    );
  }
}
