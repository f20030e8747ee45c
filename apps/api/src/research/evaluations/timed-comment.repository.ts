import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import { TenantRepository } from '../../org/repositories/tenant.repository';
import { TimedComment } from './timed-comment.schema';

/** The `research_timed_comments` collection. */
@Injectable()
export class TimedCommentRepository extends TenantRepository<TimedComment> {
  constructor(@InjectModel(TimedComment.name) model: Model<TimedComment>) {
    super(model, 'createdAt');
  }

  /** The activity's comments by second into the lesson, then by time of writing. */
  async findByActivity(communityId: Types.ObjectId, activityId: Types.ObjectId): Promise<TimedComment[]> {
    const docs = await this.find(communityId, { activityId });
    return docs.sort((a, b) => a.atS - b.atS || (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0));
  }

  /** Deletes the activity's timed comments (with the activity); answers how many. */
  async deleteByActivity(communityId: Types.ObjectId, activityId: Types.ObjectId): Promise<number> {
    const res = await this.model.deleteMany({ communityId, activityId }).exec();
    return res.deletedCount;
  }
}
