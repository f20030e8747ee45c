export { apiFetch, jsonBody } from './api-client';
export { ApiError } from './api.error';
export {
  changePassword,
  deviceSignInRequest,
  disableTotp,
  enableTotp,
  fetchMe,
  listSessions,
  loginRequest,
  logoutRequest,
  revokeSession,
  setupTotp,
} from './auth.api';
export { listClassrooms } from './classrooms.api';
export { createInstantLesson, getLesson, getLessonRecord, joinLesson, listLessons } from './live-sessions.api';
