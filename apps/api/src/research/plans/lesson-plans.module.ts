import { Module } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module';
import { OrgDirectoryModule } from '../../org/directory/org-directory.module';
import { ResearchAccessModule } from '../access/research-access.module';
import { ResearchActivityStoreModule } from '../activities/research-activity-store.module';
import { CollabModule } from '../collab/collab.module';
import { PlanCommentsModule } from '../comments/plan-comments.module';
import { PlanTemplatesModule } from '../templates/plan-templates.module';
import { VersionsModule } from '../versions/versions.module';
import { LessonPlansController } from './lesson-plans.controller';
import { LessonPlansService } from './lesson-plans.service';

/** /api/research/plans: plan metadata, starting content, checks and DOCX export. */
@Module({
  imports: [
    AuthModule,
    OrgDirectoryModule,
    ResearchAccessModule,
    ResearchActivityStoreModule,
    CollabModule,
    PlanTemplatesModule,
    PlanCommentsModule,
    VersionsModule,
  ],
  controllers: [LessonPlansController],
  providers: [LessonPlansService],
})
export class LessonPlansModule {}
