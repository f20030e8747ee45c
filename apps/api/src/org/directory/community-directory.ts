import type { ClassroomRef, Role, SchoolKind, SchoolStage } from '@tongke/contracts';
import type { Types } from 'mongoose';
import type { Classroom } from '../schemas/classroom.schema';
import type { School } from '../schemas/school.schema';
import type { User } from '../schemas/user.schema';

export interface DirectorySchool {
  readonly id: Types.ObjectId;
  readonly name: string;
  readonly kind: SchoolKind;
  readonly stage: SchoolStage;
  readonly studentCount: number;
}

export interface DirectoryClassroom {
  readonly id: Types.ObjectId;
  readonly name: string;
  readonly schoolId: Types.ObjectId;
}

export interface DirectoryUser {
  readonly id: Types.ObjectId;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly schoolId?: Types.ObjectId;
  readonly classroomId?: Types.ObjectId;
  readonly disabled: boolean;
}

type Id = Types.ObjectId | string;

const byId = <T extends { id: Types.ObjectId }>(items: T[]) =>
  new Map(items.map((item) => [item.id.toString(), Object.freeze(item)]));

/**
 * One community's schools, classrooms and accounts as name lookups need them: an immutable
 * snapshot. Documents of any other community are left out, so lookups never cross tenants.
 */
export class CommunityDirectory {
  private readonly schools: Map<string, DirectorySchool>;
  private readonly classrooms: Map<string, DirectoryClassroom>;
  private readonly users: Map<string, DirectoryUser>;

  constructor(
    readonly communityId: Types.ObjectId,
    docs: { schools: School[]; classrooms: Classroom[]; users: User[] },
  ) {
    const own = <T extends { communityId?: Types.ObjectId }>(list: T[]) =>
      list.filter((d) => d.communityId?.equals(communityId) === true);
    this.schools = byId(own(docs.schools).map(directorySchool));
    this.classrooms = byId(own(docs.classrooms).map((c) => ({ id: c._id, name: c.name, schoolId: c.schoolId })));
    this.users = byId(own(docs.users).map(directoryUser));
  }

  school(id: Id): DirectorySchool | undefined {
    return this.schools.get(id.toString());
  }

  /** Every school of the community, in the order loaded (by name). */
  schoolList(): DirectorySchool[] {
    return [...this.schools.values()];
  }

  classroom(id: Id): DirectoryClassroom | undefined {
    return this.classrooms.get(id.toString());
  }

  user(id: Id): DirectoryUser | undefined {
    return this.users.get(id.toString());
  }

  /** The account's display name ('' for unknown ids). */
  displayName(id: Id): string {
    return this.user(id)?.displayName ?? '';
  }

  /** The classrooms among `ids` in this community, with their school's name, keyed by id. */
  classroomRefs(ids: Id[]): Map<string, ClassroomRef> {
    const refs = new Map<string, ClassroomRef>();
    for (const id of ids) {
      const room = this.classroom(id);
      if (!room) continue;
      const ref = { id: room.id.toString(), name: room.name, schoolId: room.schoolId.toString() };
      refs.set(ref.id, { ...ref, schoolName: this.school(room.schoolId)?.name ?? '' });
    }
    return refs;
  }

  /** The school's accounts having `role` (disabled ones too: their lessons stay in the timetable). */
  schoolUsers(schoolId: Id, role: Role): DirectoryUser[] {
    const key = schoolId.toString();
    return [...this.users.values()].filter((u) => u.schoolId?.toString() === key && u.roles.includes(role));
  }

  schoolClassrooms(schoolId: Id): DirectoryClassroom[] {
    const key = schoolId.toString();
    return [...this.classrooms.values()].filter((c) => c.schoolId.toString() === key);
  }
}

function directorySchool(s: School): DirectorySchool {
  return { id: s._id, name: s.name, kind: s.kind, stage: s.stage, studentCount: s.studentCount ?? 0 };
}

function directoryUser(u: User): DirectoryUser {
  return {
    id: u._id,
    displayName: u.displayName,
    roles: Object.freeze([...u.roles]),
    ...(u.schoolId && { schoolId: u.schoolId }),
    ...(u.classroomId && { classroomId: u.classroomId }),
    disabled: u.disabled === true,
  };
}
