import { Module } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module';
import { OrgDirectoryModule } from '../../org/directory/org-directory.module';
import { ResearchAccessModule } from '../access/research-access.module';
import { ResearchActivitiesModule } from '../activities/research-activities.module';
import { CollabModule } from '../collab/collab.module';
import { EvaluationsModule } from '../evaluations/evaluations.module';
import { CompareController } from './compare.controller';
import { CompareService } from './compare.service';

/** 同课异构 comparison (/api/research/compare). */
@Module({
  imports: [
    AuthModule,
    OrgDirectoryModule,
    ResearchAccessModule,
    ResearchActivitiesModule,
    CollabModule,
    EvaluationsModule,
  ],
  controllers: [CompareController],
  providers: [CompareService],
})
export class CompareModule {}
