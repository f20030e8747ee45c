import type { CurrentUser } from '@tongke/contracts';
import { computed, type ComputedRef, shallowRef } from 'vue';
import { loginRequest } from '../api/auth.api';
import {
  clearStoredSession,
  readStoredSession,
  SESSION_EXPIRED_EVENT,
  SESSION_STORAGE_KEY,
  writeStoredSession,
} from './session.storage';

const session = shallowRef(readStoredSession());

// Another tab signed in or out, or the API refused the token: follow the storage.
window.addEventListener('storage', (e) => {
  if (e.key === SESSION_STORAGE_KEY || e.key === null) session.value = readStoredSession();
});
window.addEventListener(SESSION_EXPIRED_EVENT, () => {
  session.value = null;
});

export interface Session {
  user: ComputedRef<CurrentUser | null>;
  token: ComputedRef<string | null>;
  signedIn: ComputedRef<boolean>;
  login(username: string, password: string): Promise<CurrentUser>;
  logout(): void;
}

const user = computed(() => session.value?.user ?? null);
const token = computed(() => session.value?.accessToken ?? null);
const signedIn = computed(() => session.value !== null);

/** The signed-in user, shared by the whole app; the token is kept in localStorage ('tongke.session'). */
export function useSession(): Session {
  return {
    user,
    token,
    signedIn,
    async login(username, password) {
      const res = await loginRequest({ username: username.trim(), password });
      writeStoredSession(res);
      session.value = res;
      return res.user;
    },
    logout() {
      clearStoredSession();
      session.value = null;
    },
  };
}

/** Whether a stored session is usable right now (expiry checked), for the router guard. */
export function hasSession(): boolean {
  const current = readStoredSession();
  if (!current && session.value) session.value = null;
  return current !== null;
}
