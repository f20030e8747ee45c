import type {
  BellScheduleView,
  ClassGroupView,
  ClassroomView,
  CreateClassGroupRequest,
  CreateClassroomRequest,
  CreateUserRequest,
  DeviceCodeResponse,
  PutBellScheduleRequest,
  UpdateClassGroupRequest,
  UpdateClassroomRequest,
  UpdateUserRequest,
  UserView,
} from '@tongke/contracts';
import { communityPath } from './admin.api';
import { apiFetch, jsonBody } from './api-client';

// One school's admin routes: classrooms (+ terminal pairing), class groups, staff, bell schedule.

const DELETE: RequestInit = { method: 'DELETE' };
const bySchool = (schoolId: string) => `?${new URLSearchParams({ schoolId }).toString()}`;

export function listClassrooms(communityId: string, schoolId: string): Promise<ClassroomView[]> {
  return apiFetch<ClassroomView[]>(communityPath(communityId, 'classrooms') + bySchool(schoolId));
}

export function createClassroom(communityId: string, body: CreateClassroomRequest): Promise<ClassroomView> {
  return apiFetch<ClassroomView>(communityPath(communityId, 'classrooms'), jsonBody('POST', body));
}

export function updateClassroom(
  communityId: string,
  classroomId: string,
  body: UpdateClassroomRequest,
): Promise<ClassroomView> {
  return apiFetch<ClassroomView>(communityPath(communityId, 'classrooms', classroomId), jsonBody('PATCH', body));
}

export async function deleteClassroom(communityId: string, classroomId: string): Promise<void> {
  await apiFetch<unknown>(communityPath(communityId, 'classrooms', classroomId), DELETE);
}

/** POST …/classrooms/:id/device-code: a one-time code (10 min) typed into the terminal's /device page. */
export function createDeviceCode(communityId: string, classroomId: string): Promise<DeviceCodeResponse> {
  return apiFetch<DeviceCodeResponse>(
    communityPath(communityId, 'classrooms', classroomId, 'device-code'),
    jsonBody('POST', {}),
  );
}

/** DELETE …/classrooms/:id/device: signs the room's terminal out (its device sessions are revoked). */
export async function unpairDevice(communityId: string, classroomId: string): Promise<void> {
  await apiFetch<unknown>(communityPath(communityId, 'classrooms', classroomId, 'device'), DELETE);
}

export function listClassGroups(communityId: string, schoolId: string): Promise<ClassGroupView[]> {
  return apiFetch<ClassGroupView[]>(communityPath(communityId, 'class-groups') + bySchool(schoolId));
}

export function createClassGroup(communityId: string, body: CreateClassGroupRequest): Promise<ClassGroupView> {
  return apiFetch<ClassGroupView>(communityPath(communityId, 'class-groups'), jsonBody('POST', body));
}

export function updateClassGroup(
  communityId: string,
  classGroupId: string,
  body: UpdateClassGroupRequest,
): Promise<ClassGroupView> {
  return apiFetch<ClassGroupView>(communityPath(communityId, 'class-groups', classGroupId), jsonBody('PATCH', body));
}

export async function deleteClassGroup(communityId: string, classGroupId: string): Promise<void> {
  await apiFetch<unknown>(communityPath(communityId, 'class-groups', classGroupId), DELETE);
}

export function listUsers(communityId: string, schoolId: string): Promise<UserView[]> {
  return apiFetch<UserView[]>(communityPath(communityId, 'users') + bySchool(schoolId));
}

export function createUser(communityId: string, body: CreateUserRequest): Promise<UserView> {
  return apiFetch<UserView>(communityPath(communityId, 'users'), jsonBody('POST', body));
}

/** PATCH …/users/:id — roles, subjects, room, `disabled`, or a new password (signs the user out everywhere). */
export function updateUser(communityId: string, userId: string, body: UpdateUserRequest): Promise<UserView> {
  return apiFetch<UserView>(communityPath(communityId, 'users', userId), jsonBody('PATCH', body));
}

/** GET …/schools/:id/bell-schedule (no periods when the school has none). */
export function getBellSchedule(communityId: string, schoolId: string): Promise<BellScheduleView> {
  return apiFetch<BellScheduleView>(communityPath(communityId, 'schools', schoolId, 'bell-schedule'));
}

/** PUT …/schools/:id/bell-schedule: the whole schedule; `[]` clears it. */
export function putBellSchedule(
  communityId: string,
  schoolId: string,
  body: PutBellScheduleRequest,
): Promise<BellScheduleView> {
  return apiFetch<BellScheduleView>(
    communityPath(communityId, 'schools', schoolId, 'bell-schedule'),
    jsonBody('PUT', body),
  );
}
