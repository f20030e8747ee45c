export { apiFetch, jsonBody } from './api-client';
export { ApiError } from './api.error';
export { fetchMe, loginRequest } from './auth.api';
export { listClassrooms } from './classrooms.api';
export { createInstantLesson, getLesson, getLessonRecord, joinLesson, listLessons } from './live-sessions.api';
