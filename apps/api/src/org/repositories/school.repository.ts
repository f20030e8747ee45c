import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { School } from '../schemas/school.schema';
import { TenantRepository } from './tenant.repository';

@Injectable()
export class SchoolRepository extends TenantRepository<School> {
  constructor(@InjectModel(School.name) model: Model<School>) {
    super(model, 'name');
  }
}
