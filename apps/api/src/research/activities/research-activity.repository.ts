import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model, Types } from 'mongoose';
import { TenantRepository } from '../../org/repositories/tenant.repository';
import { type ActivityReflection, ResearchActivity } from './research-activity.schema';

/** Which activities a list answers (always within one community). */
export interface ActivityFilter {
  groupIds: Types.ObjectId[];
  from?: Date;
  to?: Date;
  topic?: string;
}

/** The `research_activities` collection. */
@Injectable()
export class ResearchActivityRepository extends TenantRepository<ResearchActivity> {
  constructor(@InjectModel(ResearchActivity.name) model: Model<ResearchActivity>) {
    super(model, 'plannedAt');
  }

  /**
   * An activity by id alone, for access checks that then go through its group (ResearchAccess);
   * never answer it without that check.
   */
  findByIdForAccess(id: Types.ObjectId): Promise<ResearchActivity | null> {
    return this.model.findById(id).lean<ResearchActivity>().exec();
  }

  /** The community's activities of the groups, by planned date. */
  list(communityId: Types.ObjectId, f: ActivityFilter): Promise<ResearchActivity[]> {
    if (f.groupIds.length === 0) return Promise.resolve([]);
    const filter: FilterQuery<ResearchActivity> = { groupId: { $in: f.groupIds } };
    if (f.from || f.to) filter.plannedAt = { ...(f.from && { $gte: f.from }), ...(f.to && { $lt: f.to }) };
    if (f.topic !== undefined) filter.topic = f.topic;
    return this.find(communityId, filter);
  }

  /**
   * Saves the reflection if the stored one is still the one the writer loaded (`base`: its time, or
   * null for none; undefined: no check). Answers the updated activity, or null when it changed
   * meanwhile (or the activity is gone). A single-document conditional update: no lost write.
   */
  saveReflection(
    communityId: Types.ObjectId,
    id: Types.ObjectId,
    reflection: ActivityReflection,
    base: Date | null | undefined,
  ): Promise<ResearchActivity | null> {
    const filter: FilterQuery<ResearchActivity> = { _id: id, communityId };
    if (base === null) filter.reflection = { $exists: false };
    if (base) filter['reflection.at'] = base;
    return this.model
      .findOneAndUpdate(filter, { $set: { reflection } }, { new: true, runValidators: true })
      .lean<ResearchActivity>()
      .exec();
  }

  /** The community's activities that link the lesson plan (plan deletions only: scans the community's activities). */
  findByPlan(communityId: Types.ObjectId, planId: Types.ObjectId): Promise<ResearchActivity[]> {
    return this.find(communityId, { planId });
  }

  /** The community's activities linked to the live session (a session is linked to at most one in practice). */
  findBySession(communityId: Types.ObjectId, sessionId: Types.ObjectId): Promise<ResearchActivity[]> {
    return this.find(communityId, { sessionId });
  }

  /** Ids of research activities of any community written since `since` (insight's catch-up sweep; scans the collection). */
  async idsUpdatedSince(since: Date): Promise<Types.ObjectId[]> {
    const rows = await this.model
      .find({ updatedAt: { $gte: since } }, '_id')
      .lean<{ _id: Types.ObjectId }[]>()
      .exec();
    return rows.map((r) => r._id);
  }
}
