import type { CurrentUser, LoginRequest, LoginResponse } from '@tongke/contracts';
import { apiFetch, jsonBody } from './api-client';

/** POST /api/auth/login */
export function loginRequest(body: LoginRequest): Promise<LoginResponse> {
  return apiFetch<LoginResponse>('/api/auth/login', jsonBody('POST', body));
}

/** GET /api/auth/me */
export function fetchMe(): Promise<CurrentUser> {
  return apiFetch<CurrentUser>('/api/auth/me');
}
