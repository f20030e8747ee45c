import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ApiServerConfig } from '@tongke/config';
import { hash } from 'argon2';
import { ClassGroupRepository } from '../org/repositories/class-group.repository';
import { ClassroomRepository } from '../org/repositories/classroom.repository';
import { CommunityRepository } from '../org/repositories/community.repository';
import { PairingRepository } from '../org/repositories/pairing.repository';
import { SchoolRepository } from '../org/repositories/school.repository';
import { TermRepository } from '../org/repositories/term.repository';
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
    private readonly communities: CommunityRepository,
    private readonly schools: SchoolRepository,
    private readonly classrooms: ClassroomRepository,
    private readonly pairings: PairingRepository,
    private readonly classGroups: ClassGroupRepository,
    private readonly users: UserRepository,
    private readonly terms: TermRepository,
    private readonly timetable: ScheduleSeedService,
    private readonly library: LibrarySeedService,
    private readonly research: ResearchSeedService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.server.seedDemo) return;
    const seeded = await this.isSeeded();
    if (!seeded) await this.seed();
    await this.timetable.ensure(!seeded);
    if (this.server.seedDemoResearch) await this.research.ensure();
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
    const communityId = DEMO_COMMUNITY._id;
    await this.communities.upsert(DEMO_COMMUNITY);
    for (const s of DEMO_SCHOOLS) await this.schools.upsert({ ...s, communityId });
    for (const c of DEMO_CLASSROOMS) await this.classrooms.upsert({ ...c, communityId });
    for (const p of DEMO_PAIRINGS) await this.pairings.upsert({ ...p, communityId });
    for (const g of DEMO_CLASS_GROUPS) await this.classGroups.upsert({ ...g, communityId });
    await this.terms.upsert({ ...DEMO_TERM, communityId });
    const passwordHash = await hash(DEMO_PASSWORD);
    for (const u of DEMO_USERS) await this.users.upsert({ subjects: [], ...u, communityId, passwordHash });
    await this.users.upsert({ ...DEMO_DISTRICT_ADMIN, passwordHash });
  }
}
