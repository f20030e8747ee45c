import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import { TenantRepository } from '../../org/repositories/tenant.repository';
import { isDuplicateKeyError } from '../../org/shared/duplicate-key';
import { Evaluation } from './evaluation.schema';

export type EvaluationChanges = Pick<Evaluation, 'rubricId' | 'mode' | 'scores' | 'summary' | 'submitted'> & {
  submittedAt?: Date;
};

/** The `research_evaluations` collection. */
@Injectable()
export class EvaluationRepository extends TenantRepository<Evaluation> {
  constructor(@InjectModel(Evaluation.name) model: Model<Evaluation>) {
    super(model, 'createdAt');
  }

  /** An evaluation by id alone, for insight facts (which learn the community from it); never for access checks. */
  findByIdForService(id: Types.ObjectId): Promise<Evaluation | null> {
    return this.model.findById(id).lean<Evaluation>().exec();
  }

  findByActivity(communityId: Types.ObjectId, activityId: Types.ObjectId): Promise<Evaluation[]> {
    return this.find(communityId, { activityId });
  }

  async findMine(
    communityId: Types.ObjectId,
    activityId: Types.ObjectId,
    observerId: Types.ObjectId,
  ): Promise<Evaluation | null> {
    const [doc] = await this.find(communityId, { activityId, observerId });
    return doc ?? null;
  }

  /**
   * Creates or replaces the observer's evaluation of the activity (one per observer). Two first saves
   * at once both try to insert: the unique (activityId, observerId) index refuses the second, which
   * then retries once and updates the document the first one made.
   */
  async save(
    communityId: Types.ObjectId,
    activityId: Types.ObjectId,
    observerId: Types.ObjectId,
    changes: EvaluationChanges,
  ): Promise<Evaluation> {
    try {
      return await this.upsertMine(communityId, activityId, observerId, changes);
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      return this.upsertMine(communityId, activityId, observerId, changes);
    }
  }

  private upsertMine(
    communityId: Types.ObjectId,
    activityId: Types.ObjectId,
    observerId: Types.ObjectId,
    changes: EvaluationChanges,
  ): Promise<Evaluation> {
    const { submittedAt, ...set } = changes;
    return this.model
      .findOneAndUpdate(
        { communityId, activityId, observerId },
        { $set: { ...set, ...(submittedAt && { submittedAt }) }, ...(!submittedAt && { $unset: { submittedAt: 1 } }) },
        { upsert: true, new: true, runValidators: true, setDefaultsOnInsert: true },
      )
      .lean<Evaluation>()
      .orFail()
      .exec();
  }

  /** Submitted evaluations per activity among `activityIds` (activities with none are left out). */
  async countSubmitted(communityId: Types.ObjectId, activityIds: Types.ObjectId[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    if (activityIds.length === 0) return counts;
    const docs = await this.model
      .find({ communityId, activityId: { $in: activityIds }, submitted: true }, { activityId: 1 })
      .lean<Pick<Evaluation, 'activityId'>[]>()
      .exec();
    for (const d of docs) counts.set(d.activityId.toHexString(), (counts.get(d.activityId.toHexString()) ?? 0) + 1);
    return counts;
  }

  /** Whether any evaluation of the community was made against the rubric. */
  async usesRubric(communityId: Types.ObjectId, rubricId: string): Promise<boolean> {
    return (await this.count(communityId, { rubricId })) > 0;
  }

  /** Ids of evaluations of any community written since `since` (insight's catch-up sweep; scans the collection). */
  async idsUpdatedSince(since: Date): Promise<Types.ObjectId[]> {
    const rows = await this.model
      .find({ updatedAt: { $gte: since } }, '_id')
      .lean<{ _id: Types.ObjectId }[]>()
      .exec();
    return rows.map((r) => r._id);
  }

  /** Deletes the activity's evaluations (with the activity); answers how many. */
  async deleteByActivity(communityId: Types.ObjectId, activityId: Types.ObjectId): Promise<number> {
    const res = await this.model.deleteMany({ communityId, activityId }).exec();
    return res.deletedCount;
  }
}
