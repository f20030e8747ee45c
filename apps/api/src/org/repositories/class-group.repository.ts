import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { ClassGroup } from '../schemas/class-group.schema';
import { TenantRepository } from './tenant.repository';

@Injectable()
export class ClassGroupRepository extends TenantRepository<ClassGroup> {
  constructor(@InjectModel(ClassGroup.name) model: Model<ClassGroup>) {
    super(model, 'grade');
  }
}
