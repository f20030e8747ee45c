import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ClassroomRepository } from './repositories/classroom.repository';
import { CommunityRepository } from './repositories/community.repository';
import { SchoolRepository } from './repositories/school.repository';
import { TermRepository } from './repositories/term.repository';
import { UserRepository } from './repositories/user.repository';
import { Classroom, ClassroomSchema } from './schemas/classroom.schema';
import { Community, CommunitySchema } from './schemas/community.schema';
import { School, SchoolSchema } from './schemas/school.schema';
import { Term, TermSchema } from './schemas/term.schema';
import { User, UserSchema } from './schemas/user.schema';

const repositories = [CommunityRepository, SchoolRepository, ClassroomRepository, UserRepository, TermRepository];

/** Communities, schools, classrooms, people and terms. Other modules use the repositories. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: Community.name, schema: CommunitySchema },
      { name: School.name, schema: SchoolSchema },
      { name: Classroom.name, schema: ClassroomSchema },
      { name: User.name, schema: UserSchema },
      { name: Term.name, schema: TermSchema },
    ]),
  ],
  providers: repositories,
  exports: repositories,
})
export class OrgModule {}
