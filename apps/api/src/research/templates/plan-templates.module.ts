import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuthModule } from '../../auth/auth.module';
import { ResearchAccessModule } from '../access/research-access.module';
import { CollabModule } from '../collab/collab.module';
import { PlanTemplateRepository } from './plan-template.repository';
import { PlanTemplate, PlanTemplateSchema } from './plan-template.schema';
import { PlanTemplatesController } from './plan-templates.controller';
import { PlanTemplatesService } from './plan-templates.service';

/** /api/research/templates, and the starting content of new plans (PlanTemplatesService.contentFor). */
@Module({
  imports: [
    AuthModule,
    ResearchAccessModule,
    CollabModule,
    MongooseModule.forFeature([{ name: PlanTemplate.name, schema: PlanTemplateSchema }]),
  ],
  controllers: [PlanTemplatesController],
  providers: [PlanTemplateRepository, PlanTemplatesService],
  exports: [PlanTemplatesService],
})
export class PlanTemplatesModule {}
