import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ClassGroupRepository } from './repositories/class-group.repository';
import { ClassroomRepository } from './repositories/classroom.repository';
import { CommunityRepository } from './repositories/community.repository';
import { PairingRepository } from './repositories/pairing.repository';
import { SchoolRepository } from './repositories/school.repository';
import { TermRepository } from './repositories/term.repository';
import { UserRepository } from './repositories/user.repository';
import { ClassGroup, ClassGroupSchema } from './schemas/class-group.schema';
import { Classroom, ClassroomSchema } from './schemas/classroom.schema';
import { Community, CommunitySchema } from './schemas/community.schema';
import { Pairing, PairingSchema } from './schemas/pairing.schema';
import { School, SchoolSchema } from './schemas/school.schema';
import { Term, TermSchema } from './schemas/term.schema';
import { User, UserSchema } from './schemas/user.schema';

const repositories = [
  CommunityRepository,
  SchoolRepository,
  PairingRepository,
  ClassroomRepository,
  ClassGroupRepository,
  UserRepository,
  TermRepository,
];

/**
 * Communities, schools, pairings, classrooms, class groups, people and terms. Other modules use the
 * repositories (and OrgDirectoryModule for cached lookups on hot paths).
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: Community.name, schema: CommunitySchema },
      { name: School.name, schema: SchoolSchema },
      { name: Classroom.name, schema: ClassroomSchema },
      { name: User.name, schema: UserSchema },
      { name: Term.name, schema: TermSchema },
      { name: Pairing.name, schema: PairingSchema },
      { name: ClassGroup.name, schema: ClassGroupSchema },
    ]),
  ],
  providers: repositories,
  exports: repositories,
})
export class OrgModule {}
