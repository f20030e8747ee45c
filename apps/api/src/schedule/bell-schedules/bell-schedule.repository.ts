import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { BellPeriod } from '@tongke/contracts';
import type { Model, Types } from 'mongoose';
import { TenantRepository } from '../../org/repositories/tenant.repository';
import { BellSchedule } from './bell-schedule.schema';

@Injectable()
export class BellScheduleRepository extends TenantRepository<BellSchedule> {
  constructor(@InjectModel(BellSchedule.name) model: Model<BellSchedule>) {
    super(model, 'schoolId');
  }

  findBySchool(communityId: Types.ObjectId, schoolId: Types.ObjectId): Promise<BellSchedule | null> {
    return this.model.findOne({ communityId, schoolId }).lean<BellSchedule>().exec();
  }

  /** The bell schedules of those schools that have one. */
  findBySchools(communityId: Types.ObjectId, schoolIds: Types.ObjectId[]): Promise<BellSchedule[]> {
    if (schoolIds.length === 0) return Promise.resolve([]);
    return this.model
      .find({ communityId, schoolId: { $in: schoolIds } })
      .lean<BellSchedule[]>()
      .exec();
  }

  /** Replaces the school's periods (creating its bell schedule if it has none). */
  async put(communityId: Types.ObjectId, schoolId: Types.ObjectId, periods: BellPeriod[]): Promise<void> {
    await this.model
      .updateOne({ communityId, schoolId }, { $set: { periods } }, { upsert: true, runValidators: true })
      .exec();
  }
}
