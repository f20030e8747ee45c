import { Module } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module';
import { ResearchAccessModule } from '../access/research-access.module';
import { ResearchActivityStoreModule } from '../activities/research-activity-store.module';
import { EvaluationStoreModule } from '../evaluations/evaluation-store.module';
import { RubricStoreModule } from './rubric-store.module';
import { RubricsController } from './rubrics.controller';
import { RubricsService } from './rubrics.service';

/** The rubric routes (/api/research/rubrics). */
@Module({
  imports: [AuthModule, RubricStoreModule, EvaluationStoreModule, ResearchAccessModule, ResearchActivityStoreModule],
  controllers: [RubricsController],
  providers: [RubricsService],
})
export class RubricsModule {}
