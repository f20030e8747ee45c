import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { TenantRepository } from '../../org/repositories/tenant.repository';
import { Rubric } from './rubric.schema';

/** The `research_rubrics` collection (community rubrics). */
@Injectable()
export class RubricRepository extends TenantRepository<Rubric> {
  constructor(@InjectModel(Rubric.name) model: Model<Rubric>) {
    super(model, 'createdAt');
  }
}
