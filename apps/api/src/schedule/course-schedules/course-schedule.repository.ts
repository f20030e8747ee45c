import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model, Types } from 'mongoose';
import { TenantRepository } from '../../org/repositories/tenant.repository';
import { CourseSchedule } from './course-schedule.schema';

/** Filters of the schedule list (each optional, all within the community). */
export interface ScheduleFilter {
  termId?: Types.ObjectId;
  teacherId?: Types.ObjectId;
  classroomId?: Types.ObjectId;
}

@Injectable()
export class CourseScheduleRepository extends TenantRepository<CourseSchedule> {
  constructor(@InjectModel(CourseSchedule.name) model: Model<CourseSchedule>) {
    super(model, 'weekday');
  }

  /** By weekday, then start time. */
  list(communityId: Types.ObjectId, f: ScheduleFilter): Promise<CourseSchedule[]> {
    const filter: FilterQuery<CourseSchedule> = {
      communityId,
      ...(f.termId && { termId: f.termId }),
      ...(f.teacherId && { leadTeacherId: f.teacherId }),
      ...(f.classroomId && { classroomIds: f.classroomId }),
    };
    return this.model.find(filter).sort({ weekday: 1, startsAt: 1, _id: 1 }).lean<CourseSchedule[]>().exec();
  }

  findByTerm(communityId: Types.ObjectId, termId: Types.ObjectId): Promise<CourseSchedule[]> {
    return this.list(communityId, { termId });
  }
}
