import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuthModule } from '../../auth/auth.module';
import { ResearchAccessModule } from '../access/research-access.module';
import { CollabModule } from '../collab/collab.module';
import { PlanVersionRepository } from './plan-version.repository';
import { PlanVersion, PlanVersionSchema } from './plan-version.schema';
import { PlanVersionsController } from './plan-versions.controller';
import { PlanVersionsService } from './plan-versions.service';

/** Version history of lesson plans (manual, auto and before-restore versions; preview; restore). */
@Module({
  imports: [
    AuthModule,
    ResearchAccessModule,
    CollabModule,
    MongooseModule.forFeature([{ name: PlanVersion.name, schema: PlanVersionSchema }]),
  ],
  controllers: [PlanVersionsController],
  providers: [PlanVersionRepository, PlanVersionsService],
  exports: [PlanVersionsService],
})
export class VersionsModule {}
