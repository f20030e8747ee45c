import type { Types } from 'mongoose';
import type { ClassGroup } from '../../org/schemas/class-group.schema';
import type { Classroom } from '../../org/schemas/classroom.schema';
import type { School } from '../../org/schemas/school.schema';
import type { User } from '../../org/schemas/user.schema';
import { nameKey } from './name-key';

/** What the database holds that a file's rows refer to or must not duplicate (read once per validation). */
export interface ImportSnapshot {
  schools: School[];
  classrooms: Classroom[];
  classGroups: ClassGroup[];
  /** The community's accounts. */
  users: User[];
  /** Usernames of the file already taken anywhere on the platform (usernames are unique platform-wide). */
  takenUsernames: string[];
}

export const classGroupKey = (schoolId: Types.ObjectId, grade: number, classNumber: number) =>
  `${schoolId.toHexString()}|${grade}|${classNumber}`;
export const classroomKey = (schoolId: Types.ObjectId, name: string) => `${schoolId.toHexString()}|${nameKey(name)}`;

/** Lookups by name over a snapshot of the community (names compared with `nameKey`). */
export class ImportLookup {
  private readonly schoolsByName: Map<string, School>;
  private readonly classroomsByKey: Map<string, Classroom>;
  private readonly classGroupKeys: Set<string>;
  private readonly taken: Set<string>;

  constructor(private readonly snapshot: ImportSnapshot) {
    this.schoolsByName = new Map(snapshot.schools.map((s) => [nameKey(s.name), s]));
    this.classroomsByKey = new Map(snapshot.classrooms.map((c) => [classroomKey(c.schoolId, c.name), c]));
    this.classGroupKeys = new Set(snapshot.classGroups.map((g) => classGroupKey(g.schoolId, g.grade, g.classNumber)));
    this.taken = new Set(snapshot.takenUsernames);
  }

  school(name: string): School | undefined {
    return this.schoolsByName.get(nameKey(name));
  }

  classroom(schoolId: Types.ObjectId, name: string): Classroom | undefined {
    return this.classroomsByKey.get(classroomKey(schoolId, name));
  }

  hasClassGroup(schoolId: Types.ObjectId, grade: number, classNumber: number): boolean {
    return this.classGroupKeys.has(classGroupKey(schoolId, grade, classNumber));
  }

  /** The community's accounts a cell names: by username, else by display name (may be several). */
  usersNamed(name: string): User[] {
    const username = name.normalize('NFKC').trim().toLowerCase();
    const byUsername = this.snapshot.users.filter((u) => u.username === username);
    if (byUsername.length) return byUsername;
    return this.snapshot.users.filter((u) => nameKey(u.displayName) === nameKey(name));
  }

  usernameTaken(username: string): boolean {
    return this.taken.has(username);
  }
}
