import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import { TenantRepository } from '../../org/repositories/tenant.repository';
import { PlanTemplate } from './plan-template.schema';

@Injectable()
export class PlanTemplateRepository extends TenantRepository<PlanTemplate> {
  constructor(@InjectModel(PlanTemplate.name) model: Model<PlanTemplate>) {
    super(model, 'name');
  }

  /** A template by id alone, for access checks through its group (ResearchAccess); never answer it without one. */
  findByIdForAccess(id: Types.ObjectId): Promise<PlanTemplate | null> {
    return this.model.findById(id).lean<PlanTemplate>().exec();
  }

  findByGroup(communityId: Types.ObjectId, groupId: Types.ObjectId): Promise<PlanTemplate[]> {
    return this.find(communityId, { groupId });
  }
}
