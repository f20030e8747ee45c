import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OrgDirectoryModule } from '../../org/directory/org-directory.module';
import { ResearchGroupRepository } from '../groups/research-group.repository';
import { ResearchGroup, ResearchGroupSchema } from '../groups/research-group.schema';
import { LessonPlanRepository } from '../plans/lesson-plan.repository';
import { LessonPlan, LessonPlanSchema } from '../plans/lesson-plan.schema';
import { ResearchAccess } from './research-access.service';
import { ResearchPeople } from './research-people.service';

/**
 * The research area's shared ground: the groups and plans collections and the access rules every
 * research module (groups, plans, collab, activities, evaluations) checks callers with, and the
 * district's people groups draw their members from (ResearchPeople).
 */
@Module({
  imports: [
    OrgDirectoryModule,
    MongooseModule.forFeature([
      { name: ResearchGroup.name, schema: ResearchGroupSchema },
      { name: LessonPlan.name, schema: LessonPlanSchema },
    ]),
  ],
  providers: [ResearchGroupRepository, LessonPlanRepository, ResearchAccess, ResearchPeople],
  exports: [ResearchGroupRepository, LessonPlanRepository, ResearchAccess, ResearchPeople],
})
export class ResearchAccessModule {}
