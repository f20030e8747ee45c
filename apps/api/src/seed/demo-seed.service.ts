import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ApiServerConfig } from '@tongke/config';
import { hash } from 'argon2';
import { UserRepository } from '../org/repositories/user.repository';
import {
  DEMO_CLASS_GROUPS,
  DEMO_CLASSROOMS,
  DEMO_COMMUNITY,
  DEMO_DISTRICT_ADMIN,
  DEMO_PAIRINGS,
  DEMO_PASSWORD,
  DEMO_SCHOOLS,
  DEMO_TERM,
  DEMO_USERS,
} from './demo-district.data';
import { DemoOrgSeeder } from './demo-org.seeder';
import { InsightSeedService } from './insight-seed.service';
import { LibrarySeedService } from './library-seed.service';
import { ResearchSeedService } from './research-seed.service';
import { ScheduleSeedService } from './schedule-seed.service';

/**
 * Seeds the demo district when SEED_DEMO=true and it is not there yet. Documents have
 * fixed ids and are upserted community first, users last, so an interrupted run is
 * completed by the next start (FerretDB has no transactions).
 */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    private readonly server: ApiServerConfig,
    private readonly org: DemoOrgSeeder,
    private readonly users: UserRepository,
    private readonly timetable: ScheduleSeedService,
    private readonly library: LibrarySeedService,
    private readonly research: ResearchSeedService,
    private readonly insight: InsightSeedService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.server.seedDemo) return;
    const seeded = await this.isSeeded();
    if (!seeded) await this.seed();
    await this.timetable.ensure(!seeded);
    if (this.server.seedDemoResearch) await this.research.ensure();
    // The second community and the replayed history of the term so far, in the background (completed
    // by the next start if interrupted).
    if (this.server.seedDemoInsight && !(await this.insight.isSeeded())) {
      this.insight.seed().catch((err: Error) => this.logger.error(`demo insight history: ${err.message}`, err.stack));
    }
    // The demo videos are generated and processed in the background: start-up does not wait.
    if (this.server.seedDemoLibrary) {
      this.library.ensure().catch((err: Error) => this.logger.error(`demo library: ${err.message}`, err.stack));
    }
    this.logger.log(
      `demo district ${seeded ? 'present' : 'seeded'}: ${DEMO_COMMUNITY.name}; logins (password ${DEMO_PASSWORD}): ` +
        [...DEMO_USERS, DEMO_DISTRICT_ADMIN].map((u) => `${u.username} = ${u.displayName}`).join(', '),
    );
  }

  /** The district admin is written last: when it exists, everything before it does too. */
  async isSeeded(): Promise<boolean> {
    return (await this.users.findForLogin(DEMO_DISTRICT_ADMIN.username)) !== null;
  }

  async seed(): Promise<void> {
    const passwordHash = await hash(DEMO_PASSWORD);
    await this.org.upsert(
      {
        community: DEMO_COMMUNITY,
        schools: [...DEMO_SCHOOLS],
        classrooms: DEMO_CLASSROOMS,
        pairings: DEMO_PAIRINGS,
        classGroups: DEMO_CLASS_GROUPS,
        term: DEMO_TERM,
        users: DEMO_USERS,
      },
      passwordHash,
    );
    await this.users.upsert({ ...DEMO_DISTRICT_ADMIN, passwordHash });
  }
}
