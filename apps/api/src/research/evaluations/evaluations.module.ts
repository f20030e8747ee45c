import { Module } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module';
import { InsightSignalsModule } from '../../insight/signals/insight-signals.module';
import { ResourcesModule } from '../../library/resources/resources.module';
import { LiveModule } from '../../live/live.module';
import { OrgDirectoryModule } from '../../org/directory/org-directory.module';
import { ResearchAccessModule } from '../access/research-access.module';
import { ResearchActivityStoreModule } from '../activities/research-activity-store.module';
import { RubricStoreModule } from '../rubrics/rubric-store.module';
import { CommentSessions } from './comment-sessions.service';
import { EvaluatedActivities } from './evaluated-activity.service';
import { EvaluationPeople } from './evaluation-people.service';
import { EvaluationReportService } from './evaluation-report.service';
import { EvaluationStoreModule } from './evaluation-store.module';
import { EvaluationsController } from './evaluations.controller';
import { EvaluationsService } from './evaluations.service';
import { TimedCommentsService } from './timed-comments.service';

/**
 * Observers' evaluations, timestamped comments and the evaluation report of research activities.
 * Exports the report (and activity loading) for the 同课异构 comparison.
 */
@Module({
  imports: [
    AuthModule,
    OrgDirectoryModule,
    ResearchAccessModule,
    ResearchActivityStoreModule,
    RubricStoreModule,
    EvaluationStoreModule,
    InsightSignalsModule,
    LiveModule,
    ResourcesModule,
  ],
  controllers: [EvaluationsController],
  providers: [
    EvaluatedActivities,
    EvaluationPeople,
    CommentSessions,
    EvaluationsService,
    TimedCommentsService,
    EvaluationReportService,
  ],
  exports: [EvaluatedActivities, EvaluationReportService],
})
export class EvaluationsModule {}
