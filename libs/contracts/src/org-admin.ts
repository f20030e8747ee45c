import type { CommunityKind, Role, SchoolKind, SchoolStage, Subject } from './org';

// REST shapes of the API's org module (apps/api/src/org). Every tenant-scoped route lives
// under /api/communities/:communityId/...; the DTO classes in the API implement the requests.
// Limits shared by API validation and web forms:
export const ORG_LIMITS = {
  nameMax: 64,
  addressMax: 200,
  usernameMin: 3,
  /** Room for generated terminal accounts (`terminal-<classroomId>`, 33 characters). */
  usernameMax: 40,
  passwordMin: 10,
  passwordMax: 128,
  studentCountMax: 5000,
  seatsMax: 500,
} as const;
/** Usernames: lowercase letters, digits, `.`, `_`, `-` (phone numbers work too). */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;

export interface CommunityView {
  id: string;
  name: string;
  kind: CommunityKind;
  district: string;
  leadSchoolId?: string;
  schoolCount: number;
  classroomCount: number;
}

/** POST /api/communities (district admin). */
export interface CreateCommunityRequest {
  name: string;
  kind: CommunityKind;
}

/** PATCH /api/communities/:communityId (district admin; community admin of it). */
export interface UpdateCommunityRequest {
  name?: string;
  kind?: CommunityKind;
  /** Must be a school of this community. */
  leadSchoolId?: string;
}

export interface SchoolView {
  id: string;
  communityId: string;
  name: string;
  kind: SchoolKind;
  stage: SchoolStage;
  address: string;
  /** A teaching point (教学点): a small rural site. */
  teachingPoint: boolean;
  studentCount: number;
  isLead: boolean;
}

export interface CreateSchoolRequest {
  name: string;
  kind: SchoolKind;
  stage: SchoolStage;
  address?: string;
  teachingPoint?: boolean;
  studentCount?: number;
}
export type UpdateSchoolRequest = Partial<CreateSchoolRequest>;

/** 结对: a lead (urban) school paired with a member (usually rural) school. */
export interface PairingView {
  id: string;
  communityId: string;
  leadSchoolId: string;
  memberSchoolId: string;
  /** ISO date YYYY-MM-DD. */
  since: string;
  until?: string;
  active: boolean;
}

export interface CreatePairingRequest {
  leadSchoolId: string;
  memberSchoolId: string;
  since: string;
  until?: string;
}
export interface UpdatePairingRequest {
  since?: string;
  /** `null` clears the end date. */
  until?: string | null;
}

export interface ClassroomView {
  id: string;
  communityId: string;
  schoolId: string;
  name: string;
  seats: number;
  /** The terminal's model/description (e.g. 希沃 86 寸一体机). */
  terminalModel: string;
  /** A terminal device is paired to the room (device token issued and not revoked). */
  terminalPaired: boolean;
}

export interface CreateClassroomRequest {
  schoolId: string;
  name: string;
  seats?: number;
  terminalModel?: string;
}
export type UpdateClassroomRequest = Partial<Omit<CreateClassroomRequest, 'schoolId'>>;

/** A class (班级): grade + class number at a school, e.g. 四年级(2)班. */
export interface ClassGroupView {
  id: string;
  communityId: string;
  schoolId: string;
  grade: number;
  classNumber: number;
  /** Display name, e.g. 四年级(2)班 (built from grade and number). */
  name: string;
  headTeacherId?: string;
  studentCount: number;
  /** The room the class usually sits in (its receiving classroom for 专递课堂). */
  classroomId?: string;
}

export interface CreateClassGroupRequest {
  schoolId: string;
  grade: number;
  classNumber: number;
  headTeacherId?: string;
  studentCount?: number;
  classroomId?: string;
}
export interface UpdateClassGroupRequest extends Partial<
  Omit<CreateClassGroupRequest, 'schoolId' | 'headTeacherId' | 'classroomId'>
> {
  /** `null` clears the head teacher. */
  headTeacherId?: string | null;
  /** `null` clears the classroom. */
  classroomId?: string | null;
}

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  communityId?: string;
  schoolId?: string;
  classroomId?: string;
  subjects: Subject[];
  disabled: boolean;
  totpEnabled: boolean;
}

/** POST /api/communities/:communityId/users — school admins may create teachers/assistants of their school only. */
export interface CreateUserRequest {
  username: string;
  displayName: string;
  roles: Role[];
  schoolId?: string;
  classroomId?: string;
  subjects?: Subject[];
  /** Initial password (≥ 10 chars); the answer never echoes it. */
  password: string;
}
export interface UpdateUserRequest {
  displayName?: string;
  roles?: Role[];
  schoolId?: string;
  classroomId?: string;
  subjects?: Subject[];
  disabled?: boolean;
  /** Set a new password (also signs the user out everywhere). */
  password?: string;
}

/** GET /api/communities/:communityId/overview — the community page: schools and pairings at once. */
export interface CommunityOverview {
  community: CommunityView;
  schools: SchoolView[];
  pairings: PairingView[];
  classrooms: ClassroomView[];
  classGroups: ClassGroupView[];
}

/** An admin action kept in the audit log. */
export interface AuditEntryView {
  id: string;
  at: string;
  actor: { id: string; name: string };
  /** `noun.verb`, e.g. `school.create`, `user.update`, `import.commit`, `schedule.delete`, `device.pair`. */
  action: string;
  target: { type: string; id: string; name?: string };
  /** Which fields changed (names only, never secrets). */
  changes?: string[];
}
