import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import { TenantRepository } from '../../org/repositories/tenant.repository';
import { PlanComment, type PlanCommentReply } from './plan-comment.schema';

@Injectable()
export class PlanCommentRepository extends TenantRepository<PlanComment> {
  constructor(@InjectModel(PlanComment.name) model: Model<PlanComment>) {
    super(model, 'createdAt');
  }

  findByPlan(communityId: Types.ObjectId, planId: Types.ObjectId): Promise<PlanComment[]> {
    return this.find(communityId, { planId });
  }

  findOfPlan(communityId: Types.ObjectId, planId: Types.ObjectId, id: Types.ObjectId): Promise<PlanComment | null> {
    return this.model.findOne({ _id: id, communityId, planId }).lean<PlanComment>().exec();
  }

  /** Appends a reply (concurrent replies are all kept). */
  async addReply(
    communityId: Types.ObjectId,
    id: Types.ObjectId,
    reply: PlanCommentReply,
  ): Promise<PlanComment | null> {
    return this.model
      .findOneAndUpdate({ _id: id, communityId }, { $push: { replies: reply } }, { new: true })
      .lean<PlanComment>()
      .exec();
  }

  async deleteByPlan(communityId: Types.ObjectId, planId: Types.ObjectId): Promise<void> {
    await this.model.deleteMany({ communityId, planId }).exec();
  }
}
