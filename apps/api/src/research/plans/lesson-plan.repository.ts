import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import { TenantRepository } from '../../org/repositories/tenant.repository';
import { LessonPlan } from './lesson-plan.schema';

@Injectable()
export class LessonPlanRepository extends TenantRepository<LessonPlan> {
  constructor(@InjectModel(LessonPlan.name) model: Model<LessonPlan>) {
    super(model, 'createdAt');
  }

  /** A plan by id alone, for access checks through its group (ResearchAccess); never answer it without one. */
  findByIdForAccess(id: Types.ObjectId): Promise<LessonPlan | null> {
    return this.model.findById(id).lean<LessonPlan>().exec();
  }

  findByGroup(communityId: Types.ObjectId, groupId: Types.ObjectId): Promise<LessonPlan[]> {
    return this.find(communityId, { groupId });
  }

  /** Marks the plan as changed now (content edits happen over /collab, not through this collection). */
  async touch(communityId: Types.ObjectId, id: Types.ObjectId): Promise<void> {
    await this.model.updateOne({ _id: id, communityId }, { $set: { updatedAt: new Date() } }).exec();
  }
}
