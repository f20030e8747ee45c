import { Module } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module';
import { InsightSignalsModule } from '../../insight/signals/insight-signals.module';
import { ResourcesModule } from '../../library/resources/resources.module';
import { LiveModule } from '../../live/live.module';
import { RedisLock } from '../../live/redis-lock.adapter';
import { OrgDirectoryModule } from '../../org/directory/org-directory.module';
import { ResearchAccessModule } from '../access/research-access.module';
import { EvaluationStoreModule } from '../evaluations/evaluation-store.module';
import { RubricStoreModule } from '../rubrics/rubric-store.module';
import { ActivityAccess } from './activity-access.service';
import { ActivityGuests } from './activity-guests.service';
import { ActivityMeetings } from './activity-meetings.service';
import { ActivitySessionLinks } from './activity-session-links.service';
import { ActivityStartLock } from './activity-start-lock.service';
import { ActivityViewsService } from './activity-views.service';
import { ResearchActivitiesController } from './research-activities.controller';
import { ResearchActivitiesService } from './research-activities.service';
import { ResearchActivityStoreModule } from './research-activity-store.module';

/** Research activities (一课双研 / 网络教研): REST under /api/research/activities. */
@Module({
  imports: [
    AuthModule,
    OrgDirectoryModule,
    ResearchAccessModule,
    ResearchActivityStoreModule,
    EvaluationStoreModule,
    RubricStoreModule,
    LiveModule,
    ResourcesModule,
    InsightSignalsModule,
  ],
  controllers: [ResearchActivitiesController],
  providers: [
    RedisLock,
    ActivityStartLock,
    ActivityGuests,
    ActivityAccess,
    ActivityViewsService,
    ActivitySessionLinks,
    ActivityMeetings,
    ResearchActivitiesService,
  ],
  exports: [ActivityAccess, ActivityViewsService],
})
export class ResearchActivitiesModule {}
