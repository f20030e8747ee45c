import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import { TenantRepository } from '../../org/repositories/tenant.repository';
import { PlanVersion } from './plan-version.schema';

/** A version's stored state as a Uint8Array (lean reads give a Buffer or a BSON Binary). */
export function versionState(version: PlanVersion): Uint8Array {
  const value = version.state as unknown;
  if (value instanceof Uint8Array) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  const inner = (value as { buffer?: unknown }).buffer;
  if (inner instanceof Uint8Array) return new Uint8Array(inner.buffer, inner.byteOffset, inner.byteLength);
  throw new Error('plan version state is not binary');
}

@Injectable()
export class PlanVersionRepository extends TenantRepository<PlanVersion> {
  constructor(@InjectModel(PlanVersion.name) model: Model<PlanVersion>) {
    super(model, 'createdAt');
  }

  /** The plan's versions, newest first, without their states. */
  listByPlan(communityId: Types.ObjectId, planId: Types.ObjectId): Promise<PlanVersion[]> {
    return this.model
      .find({ communityId, planId })
      .select({ state: 0 })
      .sort({ createdAt: -1, _id: -1 })
      .lean<PlanVersion[]>()
      .exec();
  }

  /** The plan's newest version (with its state), or null. */
  latestOfPlan(communityId: Types.ObjectId, planId: Types.ObjectId): Promise<PlanVersion | null> {
    return this.model.findOne({ communityId, planId }).sort({ createdAt: -1, _id: -1 }).lean<PlanVersion>().exec();
  }

  async deleteByPlan(communityId: Types.ObjectId, planId: Types.ObjectId): Promise<number> {
    const res = await this.model.deleteMany({ communityId, planId }).exec();
    return res.deletedCount;
  }
}
