import type { Role, SchoolKind, SchoolStage, Subject } from '@tongke/contracts';
import type { Types } from 'mongoose';

/** A valid schools row, ready to insert. */
export interface SchoolDraft {
  name: string;
  kind: SchoolKind;
  stage: SchoolStage;
  address: string;
  teachingPoint: boolean;
  studentCount: number;
}

export interface ClassroomDraft {
  schoolId: Types.ObjectId;
  name: string;
  seats: number;
  terminalModel: string;
}

export interface ClassGroupDraft {
  schoolId: Types.ObjectId;
  grade: number;
  classNumber: number;
  studentCount: number;
  headTeacherId?: Types.ObjectId;
  classroomId?: Types.ObjectId;
}

export interface TeacherDraft {
  username: string;
  displayName: string;
  schoolId: Types.ObjectId;
  subjects: Subject[];
  roles: Role[];
}

/** The draft type of each import kind. */
export interface ImportDrafts {
  schools: SchoolDraft;
  classrooms: ClassroomDraft;
  class_groups: ClassGroupDraft;
  teachers: TeacherDraft;
}
