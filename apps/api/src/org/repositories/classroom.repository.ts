import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Classroom } from '../schemas/classroom.schema';
import { TenantRepository } from './tenant.repository';

@Injectable()
export class ClassroomRepository extends TenantRepository<Classroom> {
  constructor(@InjectModel(Classroom.name) model: Model<Classroom>) {
    super(model, 'name');
  }
}
