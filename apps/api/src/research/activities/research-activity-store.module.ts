import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ResearchActivityRepository } from './research-activity.repository';
import { ResearchActivity, ResearchActivitySchema } from './research-activity.schema';

/**
 * The research activities collection, for the other research modules (evaluations, reports,
 * 同课异构) that read activities without their routes.
 */
@Module({
  imports: [MongooseModule.forFeature([{ name: ResearchActivity.name, schema: ResearchActivitySchema }])],
  providers: [ResearchActivityRepository],
  exports: [ResearchActivityRepository],
})
export class ResearchActivityStoreModule {}
