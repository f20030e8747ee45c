import type {
  BellScheduleView,
  CheckScheduleRequest,
  CheckScheduleResponse,
  ClassGroupView,
  ClassroomView,
  CommunityView,
  CourseScheduleView,
  CreateCourseScheduleRequest,
  CreateScheduleExceptionRequest,
  CreateTermRequest,
  SchoolView,
  TermView,
  TimetableEntry,
  TimetableQuery,
  UpdateCourseScheduleRequest,
  UpdateTermRequest,
  UserView,
} from '@tongke/contracts';
import { apiFetch, jsonBody } from './api-client';
import { ApiError } from './api.error';

// The timetable pages' calls: the community directory they pick from, terms, bell schedules,
// course schedules (课表) with their conflict check and exceptions, and the week view.

const enc = encodeURIComponent;
const community = (communityId: string) => `/api/communities/${enc(communityId)}`;

function query(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) q.set(key, value);
  const text = q.toString();
  return text ? `?${text}` : '';
}

/** GET /api/communities: a district admin's communities, anyone else's own. */
export function listCommunities(): Promise<CommunityView[]> {
  return apiFetch<CommunityView[]>('/api/communities');
}

export function listSchools(communityId: string): Promise<SchoolView[]> {
  return apiFetch<SchoolView[]>(`${community(communityId)}/schools`);
}

export function listCommunityClassrooms(communityId: string): Promise<ClassroomView[]> {
  return apiFetch<ClassroomView[]>(`${community(communityId)}/classrooms`);
}

/** Teachers of the community (admins only; a school admin gets their school's). */
export function listTeachers(communityId: string): Promise<UserView[]> {
  return apiFetch<UserView[]>(`${community(communityId)}/users${query({ role: 'teacher' })}`);
}

export function listClassGroups(communityId: string, schoolId: string): Promise<ClassGroupView[]> {
  return apiFetch<ClassGroupView[]>(`${community(communityId)}/class-groups${query({ schoolId })}`);
}

export function listTerms(communityId: string): Promise<TermView[]> {
  return apiFetch<TermView[]>(`${community(communityId)}/terms`);
}

export function createTerm(communityId: string, body: CreateTermRequest): Promise<TermView> {
  return apiFetch<TermView>(`${community(communityId)}/terms`, jsonBody('POST', body));
}

export function updateTerm(communityId: string, termId: string, body: UpdateTermRequest): Promise<TermView> {
  return apiFetch<TermView>(`${community(communityId)}/terms/${enc(termId)}`, jsonBody('PATCH', body));
}

export function deleteTerm(communityId: string, termId: string): Promise<void> {
  return apiFetch<void>(`${community(communityId)}/terms/${enc(termId)}`, { method: 'DELETE' });
}

/** A school's bell schedule (作息时间表); a school without one answers no periods. */
export async function getBellSchedule(communityId: string, schoolId: string): Promise<BellScheduleView> {
  try {
    return await apiFetch<BellScheduleView>(`${community(communityId)}/schools/${enc(schoolId)}/bell-schedule`);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return { schoolId, periods: [] };
    throw err;
  }
}

/** GET …/timetable: the lessons of [from, to] for one teacher, classroom or school (none: the community). */
export function getTimetable(communityId: string, q: TimetableQuery): Promise<TimetableEntry[]> {
  const params = { from: q.from, to: q.to, teacherId: q.teacherId, classroomId: q.classroomId, schoolId: q.schoolId };
  return apiFetch<TimetableEntry[]>(`${community(communityId)}/timetable${query(params)}`);
}

const schedules = (communityId: string) => `${community(communityId)}/schedules`;

export function getSchedule(communityId: string, scheduleId: string): Promise<CourseScheduleView> {
  return apiFetch<CourseScheduleView>(`${schedules(communityId)}/${enc(scheduleId)}`);
}

/** POST …/schedules/check: the conflicts saving would run into (saves nothing). */
export function checkSchedule(communityId: string, body: CheckScheduleRequest): Promise<CheckScheduleResponse> {
  return apiFetch<CheckScheduleResponse>(`${schedules(communityId)}/check`, jsonBody('POST', body));
}

/** POST …/schedules; 409 SCHEDULE_CONFLICT carries the conflicts in `ApiError.details`. */
export function createSchedule(communityId: string, body: CreateCourseScheduleRequest): Promise<CourseScheduleView> {
  return apiFetch<CourseScheduleView>(schedules(communityId), jsonBody('POST', body));
}

export function updateSchedule(
  communityId: string,
  scheduleId: string,
  body: UpdateCourseScheduleRequest,
): Promise<CourseScheduleView> {
  return apiFetch<CourseScheduleView>(`${schedules(communityId)}/${enc(scheduleId)}`, jsonBody('PATCH', body));
}

/** Cancel or move one occurrence (`date` is its original date). */
export function addScheduleException(
  communityId: string,
  scheduleId: string,
  body: CreateScheduleExceptionRequest,
): Promise<CourseScheduleView> {
  return apiFetch<CourseScheduleView>(
    `${schedules(communityId)}/${enc(scheduleId)}/exceptions`,
    jsonBody('POST', body),
  );
}

/** Undo an occurrence's cancel or move. */
export function removeScheduleException(communityId: string, scheduleId: string, date: string): Promise<unknown> {
  return apiFetch<unknown>(`${schedules(communityId)}/${enc(scheduleId)}/exceptions/${enc(date)}`, {
    method: 'DELETE',
  });
}
