import type { CurrentUser, LoginResponse } from '@tongke/contracts';
import { computed, type ComputedRef, shallowRef } from 'vue';
import { deviceSignInRequest, loginRequest, logoutRequest } from '../api/auth.api';
import {
  clearStoredSession,
  readSignedInSession,
  SESSION_EXPIRED_EVENT,
  SESSION_STORAGE_KEY,
  SESSION_UPDATED_EVENT,
  writeStoredSession,
} from './session.storage';

const session = shallowRef(readSignedInSession());

// Another tab signed in, out or refreshed, this tab refreshed, or the API ended the session: follow the storage.
window.addEventListener('storage', (e) => {
  if (e.key === SESSION_STORAGE_KEY || e.key === null) session.value = readSignedInSession();
});
window.addEventListener(SESSION_UPDATED_EVENT, () => {
  session.value = readSignedInSession();
});
window.addEventListener(SESSION_EXPIRED_EVENT, () => {
  session.value = null;
});

export interface Session {
  user: ComputedRef<CurrentUser | null>;
  signedIn: ComputedRef<boolean>;
  /** Password sign-in; `totpCode` when the API asked for it (TOTP_REQUIRED). */
  login(username: string, password: string, totpCode?: string): Promise<CurrentUser>;
  /** A classroom terminal pairs with a one-time code; it then stays signed in (refresh). */
  pairDevice(code: string, deviceName: string): Promise<CurrentUser>;
  /** Merges changed account fields (e.g. TOTP turned on) into the stored user. */
  updateUser(changes: Partial<CurrentUser>): void;
  /** Signs out here and revokes the session on the server (best effort: offline still signs out here). */
  logout(): Promise<void>;
}

const user = computed(() => session.value?.user ?? null);
const signedIn = computed(() => session.value !== null);

function store(res: LoginResponse): CurrentUser {
  writeStoredSession(res);
  session.value = res;
  return res.user;
}

/** The signed-in user, shared by the whole app; the session is kept in localStorage ('tongke.session'). */
export function useSession(): Session {
  return {
    user,
    signedIn,
    async login(username, password, totpCode) {
      return store(await loginRequest({ username: username.trim(), password, ...(totpCode && { totpCode }) }));
    },
    async pairDevice(code, deviceName) {
      return store(await deviceSignInRequest({ code: code.trim(), deviceName: deviceName.trim() }));
    },
    updateUser(changes) {
      const current = readSignedInSession();
      if (current) store({ ...current, user: { ...current.user, ...changes } });
    },
    async logout() {
      const refreshToken = readSignedInSession()?.refreshToken;
      clearStoredSession();
      session.value = null;
      if (refreshToken) await logoutRequest(refreshToken).catch(() => undefined);
    },
  };
}

/** Whether the browser is signed in right now (a valid access token, or a refresh token to get one), for the router guard. */
export function hasSession(): boolean {
  const current = readSignedInSession();
  if (!current && session.value) session.value = null;
  return current !== null;
}
