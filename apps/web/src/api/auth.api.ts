import type {
  AuthSessionView,
  ChangePasswordRequest,
  CurrentUser,
  DeviceSignInRequest,
  LoginRequest,
  LoginResponse,
  TotpSetupResponse,
} from '@tongke/contracts';
import { apiFetch, jsonBody } from './api-client';

/** POST /api/auth/login (401 TOTP_REQUIRED: ask for the code and send it as `totpCode`). */
export function loginRequest(body: LoginRequest): Promise<LoginResponse> {
  return apiFetch<LoginResponse>('/api/auth/login', jsonBody('POST', body), { anonymous: true });
}

/** POST /api/auth/device: a terminal exchanges a pairing code once. */
export function deviceSignInRequest(body: DeviceSignInRequest): Promise<LoginResponse> {
  return apiFetch<LoginResponse>('/api/auth/device', jsonBody('POST', body), { anonymous: true });
}

/** POST /api/auth/logout: revokes the session of the refresh token. */
export function logoutRequest(refreshToken: string): Promise<void> {
  return apiFetch<void>('/api/auth/logout', jsonBody('POST', { refreshToken }), { anonymous: true });
}

/** GET /api/auth/me */
export function fetchMe(): Promise<CurrentUser> {
  return apiFetch<CurrentUser>('/api/auth/me');
}

/** POST /api/auth/password (the other sessions are signed out). */
export function changePassword(body: ChangePasswordRequest): Promise<void> {
  return apiFetch<void>('/api/auth/password', jsonBody('POST', body));
}

export function setupTotp(): Promise<TotpSetupResponse> {
  return apiFetch<TotpSetupResponse>('/api/auth/totp/setup', { method: 'POST' });
}

export function enableTotp(code: string): Promise<void> {
  return apiFetch<void>('/api/auth/totp/enable', jsonBody('POST', { code }));
}

export function disableTotp(code: string): Promise<void> {
  return apiFetch<void>('/api/auth/totp/disable', jsonBody('POST', { code }));
}

/** GET /api/auth/sessions: the caller's signed-in sessions. */
export function listSessions(): Promise<AuthSessionView[]> {
  return apiFetch<AuthSessionView[]>('/api/auth/sessions');
}

export function revokeSession(sessionId: string): Promise<void> {
  return apiFetch<void>(`/api/auth/sessions/${encodeURIComponent(sessionId)}`, { method: 'DELETE' });
}
