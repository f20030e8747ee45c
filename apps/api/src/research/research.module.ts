import { Module } from '@nestjs/common';
import { ResearchAccessModule } from './access/research-access.module';
import { ResearchActivitiesModule } from './activities/research-activities.module';
import { CollabModule } from './collab/collab.module';
import { CompareModule } from './compare/compare.module';
import { PlanCommentsModule } from './comments/plan-comments.module';
import { EvaluationsModule } from './evaluations/evaluations.module';
import { ResearchGroupsModule } from './groups/research-groups.module';
import { LessonPlansModule } from './plans/lesson-plans.module';
import { RubricsModule } from './rubrics/rubrics.module';
import { PlanTemplatesModule } from './templates/plan-templates.module';
import { VersionsModule } from './versions/versions.module';

/**
 * Teaching research (名师课堂): research groups and studios, co-planned lesson plans (Yjs over the
 * /collab namespace), research activities, rubrics, evaluations and online research meetings.
 */
@Module({
  imports: [
    ResearchAccessModule,
    RubricsModule,
    EvaluationsModule,
    CompareModule,
    ResearchActivitiesModule,
    ResearchGroupsModule,
    LessonPlansModule,
    PlanTemplatesModule,
    PlanCommentsModule,
    CollabModule,
    VersionsModule,
  ],
})
export class ResearchModule {}
