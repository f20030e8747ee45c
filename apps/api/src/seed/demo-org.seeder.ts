import { Injectable } from '@nestjs/common';
import type { Role, Subject } from '@tongke/contracts';
import type { Types } from 'mongoose';
import { ClassGroupRepository } from '../org/repositories/class-group.repository';
import { ClassroomRepository } from '../org/repositories/classroom.repository';
import { CommunityRepository } from '../org/repositories/community.repository';
import { PairingRepository } from '../org/repositories/pairing.repository';
import { SchoolRepository } from '../org/repositories/school.repository';
import { TermRepository } from '../org/repositories/term.repository';
import { UserRepository } from '../org/repositories/user.repository';
import type { Community } from '../org/schemas/community.schema';
import type { School } from '../org/schemas/school.schema';
import type { Classroom } from '../org/schemas/classroom.schema';
import type { ClassGroup } from '../org/schemas/class-group.schema';
import type { Pairing } from '../org/schemas/pairing.schema';
import type { Term } from '../org/schemas/term.schema';

type Tenant<T> = Omit<T, 'communityId'>;

/** One demo community's documents (fixed ids, so seeding again rewrites the same ones). */
export interface DemoCommunityData {
  community: Community;
  schools: Tenant<School>[];
  classrooms: Tenant<Classroom>[];
  pairings: Tenant<Pairing>[];
  classGroups: Tenant<ClassGroup>[];
  term: Tenant<Term>;
  users: {
    _id: Types.ObjectId;
    username: string;
    displayName: string;
    roles: Role[];
    schoolId?: Types.ObjectId;
    classroomId?: Types.ObjectId;
    subjects?: Subject[];
  }[];
}

/** Upserts a demo community: the community first, its accounts last (an interrupted run is completed by the next). */
@Injectable()
export class DemoOrgSeeder {
  constructor(
    private readonly communities: CommunityRepository,
    private readonly schools: SchoolRepository,
    private readonly classrooms: ClassroomRepository,
    private readonly pairings: PairingRepository,
    private readonly classGroups: ClassGroupRepository,
    private readonly users: UserRepository,
    private readonly terms: TermRepository,
  ) {}

  async upsert(data: DemoCommunityData, passwordHash: string): Promise<void> {
    const communityId = data.community._id;
    await this.communities.upsert(data.community);
    for (const s of data.schools) await this.schools.upsert({ ...s, communityId });
    for (const c of data.classrooms) await this.classrooms.upsert({ ...c, communityId });
    for (const p of data.pairings) await this.pairings.upsert({ ...p, communityId });
    for (const g of data.classGroups) await this.classGroups.upsert({ ...g, communityId });
    await this.terms.upsert({ ...data.term, communityId });
    for (const u of data.users) await this.users.upsert({ subjects: [], ...u, communityId, passwordHash });
  }
}
