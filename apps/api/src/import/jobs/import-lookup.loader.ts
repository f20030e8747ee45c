import { Injectable } from '@nestjs/common';
import type { ImportKind } from '@tongke/contracts';
import type { Types } from 'mongoose';
import { ClassGroupRepository } from '../../org/repositories/class-group.repository';
import { ClassroomRepository } from '../../org/repositories/classroom.repository';
import { SchoolRepository } from '../../org/repositories/school.repository';
import { UserRepository } from '../../org/repositories/user.repository';
import type { ClassGroup } from '../../org/schemas/class-group.schema';
import type { Classroom } from '../../org/schemas/classroom.schema';
import type { User } from '../../org/schemas/user.schema';
import type { ImportRow } from '../rows/import-row';
import { ImportLookup } from '../validation/import.lookup';

const none = <T>(): Promise<T[]> => Promise.resolve([]);

/** Reads what a kind's rows are checked against: the community's records (and, for teachers, taken usernames). */
@Injectable()
export class ImportLookupLoader {
  constructor(
    private readonly schools: SchoolRepository,
    private readonly classrooms: ClassroomRepository,
    private readonly classGroups: ClassGroupRepository,
    private readonly users: UserRepository,
  ) {}

  async load(kind: ImportKind, communityId: Types.ObjectId, rows: ImportRow[]): Promise<ImportLookup> {
    const [schools, classrooms, classGroups, users, takenUsernames] = await Promise.all([
      this.schools.findByCommunity(communityId),
      kind === 'classrooms' || kind === 'class_groups'
        ? this.classrooms.findByCommunity(communityId)
        : none<Classroom>(),
      kind === 'class_groups' ? this.classGroups.findByCommunity(communityId) : none<ClassGroup>(),
      kind === 'class_groups' ? this.users.findByCommunity(communityId) : none<User>(),
      kind === 'teachers' ? this.users.findTakenUsernames(usernamesOf(rows)) : none<string>(),
    ]);
    return new ImportLookup({ schools, classrooms, classGroups, users, takenUsernames });
  }
}

function usernamesOf(rows: ImportRow[]): string[] {
  const names = rows.map((r) => (r.values.username ?? '').normalize('NFKC').trim().toLowerCase());
  return [...new Set(names.filter((n) => n !== ''))];
}
