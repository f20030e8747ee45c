import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import { School } from '../schemas/school.schema';
import { TenantRepository } from './tenant.repository';

@Injectable()
export class SchoolRepository extends TenantRepository<School> {
  constructor(@InjectModel(School.name) model: Model<School>) {
    super(model, 'name');
  }

  /**
   * The community a school belongs to, platform-wide by id (null for unknown ids): only for telling
   * "outside your scope" (403) from "no such school" (404); read the school itself by its community.
   */
  async communityOf(id: Types.ObjectId): Promise<Types.ObjectId | null> {
    const doc = await this.model.findById(id, { communityId: 1 }).lean<Pick<School, 'communityId'>>().exec();
    return doc?.communityId ?? null;
  }
}
