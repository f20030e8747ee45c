// REST shapes of the API's auth module beyond login (apps/api/src/auth).

/** POST /api/auth/refresh — rotate: the old refresh token stops working; reusing it revokes the whole session. */
export interface RefreshRequest {
  refreshToken: string;
}

/** POST /api/auth/logout — revokes the session the refresh token belongs to (its access tokens stop at once). */
export interface LogoutRequest {
  refreshToken: string;
}

/** POST /api/auth/password — change one's own password (other sessions are revoked). */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** POST /api/auth/totp/setup — answer: a new secret to scan (not active until confirmed). */
export interface TotpSetupResponse {
  /** Base32 secret. */
  secret: string;
  /** otpauth:// URL for authenticator apps (the web renders it as a QR code). */
  otpauthUrl: string;
}

/** POST /api/auth/totp/enable and /disable — a current code from the authenticator. */
export interface TotpCodeRequest {
  code: string;
}

/** One signed-in session (a refresh-token family) of the caller. */
export interface AuthSessionView {
  id: string;
  kind: 'password' | 'device';
  createdAt: string;
  lastUsedAt: string;
  expiresAt: string;
  deviceName?: string;
  current: boolean;
}

/**
 * POST /api/communities/:communityId/classrooms/:classroomId/device-code (school/community admin):
 * a one-time code (valid 10 min) typed into the terminal's /device page.
 */
export interface DeviceCodeResponse {
  /** 8 characters, A–Z and 2–9 without look-alikes, e.g. `K7QM-3XPA` shown with a dash. */
  code: string;
  expiresAt: string;
}

/** POST /api/auth/device — the terminal exchanges the code once; it stays signed in as the classroom's terminal. */
export interface DeviceSignInRequest {
  code: string;
  /** Free text shown to admins, e.g. "四年级教室一体机". */
  deviceName: string;
}

/** Device (terminal) sessions last this long and renew on every refresh. */
export const DEVICE_SESSION_DAYS = 365;
/** Failed sign-ins (password or TOTP) before an account is locked, and for how long. */
export const LOCKOUT = { maxFailures: 5, windowMin: 15, lockMin: 15 } as const;
