import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ApiServerConfig } from '@tongke/config';
import { hash } from 'argon2';
import { ClassroomRepository } from '../org/repositories/classroom.repository';
import { CommunityRepository } from '../org/repositories/community.repository';
import { SchoolRepository } from '../org/repositories/school.repository';
import { TermRepository } from '../org/repositories/term.repository';
import { UserRepository } from '../org/repositories/user.repository';
import {
  DEMO_CLASSROOMS,
  DEMO_COMMUNITY,
  DEMO_PASSWORD,
  DEMO_SCHOOLS,
  DEMO_TERM,
  DEMO_USERS,
} from './demo-district.data';

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
    private readonly users: UserRepository,
    private readonly terms: TermRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.server.seedDemo) return;
    const seeded = await this.isSeeded();
    if (!seeded) await this.seed();
    this.logger.log(
      `demo district ${seeded ? 'present' : 'seeded'}: ${DEMO_COMMUNITY.name}; logins (password ${DEMO_PASSWORD}): ` +
        DEMO_USERS.map((u) => `${u.username} = ${u.displayName}`).join(', '),
    );
  }

  async isSeeded(): Promise<boolean> {
    const lastUser = DEMO_USERS[DEMO_USERS.length - 1];
    return (await this.users.findForLogin(lastUser.username)) !== null;
  }

  async seed(): Promise<void> {
    const communityId = DEMO_COMMUNITY._id;
    await this.communities.upsert(DEMO_COMMUNITY);
    for (const s of DEMO_SCHOOLS) await this.schools.upsert({ ...s, communityId });
    for (const c of DEMO_CLASSROOMS) await this.classrooms.upsert({ ...c, communityId });
    await this.terms.upsert({ ...DEMO_TERM, communityId });
    const passwordHash = await hash(DEMO_PASSWORD);
    for (const u of DEMO_USERS) await this.users.upsert({ subjects: [], ...u, communityId, passwordHash });
  }
}
