import { Injectable } from '@nestjs/common';
import type { ClassroomRef } from '@tongke/contracts';
import type { Types } from 'mongoose';
import { ClassroomRepository } from '../repositories/classroom.repository';
import { SchoolRepository } from '../repositories/school.repository';
import type { Classroom } from '../schemas/classroom.schema';

/** Classrooms as other modules and clients see them: with their school's name. */
@Injectable()
export class ClassroomsService {
  constructor(
    private readonly classrooms: ClassroomRepository,
    private readonly schools: SchoolRepository,
  ) {}

  /** Every classroom of the community, by school name then classroom name (none for district-wide accounts). */
  async list(communityId: Types.ObjectId | undefined): Promise<ClassroomRef[]> {
    if (!communityId) return [];
    const refs = await this.toRefs(communityId, await this.classrooms.findByCommunity(communityId));
    return refs.sort((a, b) => a.schoolName.localeCompare(b.schoolName, 'zh') || a.name.localeCompare(b.name, 'zh'));
  }

  /** The classrooms among `ids` that exist in the community, keyed by id. */
  async findByIds(communityId: Types.ObjectId, ids: Types.ObjectId[]): Promise<Map<string, ClassroomRef>> {
    const refs = await this.toRefs(communityId, await this.classrooms.findByIds(communityId, ids));
    return new Map(refs.map((r) => [r.id, r]));
  }

  private async toRefs(communityId: Types.ObjectId, rooms: Classroom[]): Promise<ClassroomRef[]> {
    const schoolIds = [...new Map(rooms.map((r) => [r.schoolId.toString(), r.schoolId])).values()];
    const schools = await this.schools.findByIds(communityId, schoolIds);
    const schoolNames = new Map(schools.map((s) => [s._id.toString(), s.name]));
    return rooms.map((r) => ({
      id: r._id.toString(),
      name: r.name,
      schoolId: r.schoolId.toString(),
      schoolName: schoolNames.get(r.schoolId.toString()) ?? '',
    }));
  }
}
