import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import { ClassGroup } from '../schemas/class-group.schema';
import { TenantRepository } from './tenant.repository';

@Injectable()
export class ClassGroupRepository extends TenantRepository<ClassGroup> {
  constructor(@InjectModel(ClassGroup.name) model: Model<ClassGroup>) {
    super(model, 'grade');
  }

  /** The community's class groups sitting in any of the classrooms. */
  findByClassrooms(communityId: Types.ObjectId, classroomIds: Types.ObjectId[]): Promise<ClassGroup[]> {
    if (classroomIds.length === 0) return Promise.resolve([]);
    return this.find(communityId, { classroomId: { $in: classroomIds } });
  }
}
