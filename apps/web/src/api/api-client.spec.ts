import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { LoginResponse } from '@tongke/contracts';
import { SESSION_EXPIRED_EVENT, SESSION_STORAGE_KEY, SESSION_UPDATED_EVENT } from '../auth/session.storage';
import { apiFetch } from './api-client';
import { ApiError } from './api.error';

const store = new Map<string, string>();
const fetchMock = jest.fn<typeof fetch>();
const dispatched: string[] = [];

function session(accessToken: string, refreshToken: string, accessMs = 60_000, refreshMs = 86_400_000): LoginResponse {
  return {
    accessToken,
    expiresAt: new Date(Date.now() + accessMs).toISOString(),
    refreshToken,
    refreshExpiresAt: new Date(Date.now() + refreshMs).toISOString(),
    user: { id: 'u1', username: 'music.li', displayName: '李静', roles: ['teacher'], communityId: 'c1' },
  } as LoginResponse;
}

function signIn(accessMs = 60_000, refreshMs = 86_400_000): void {
  store.set(SESSION_STORAGE_KEY, JSON.stringify(session('tok-1', 'ref-1', accessMs, refreshMs)));
}

const stored = () => JSON.parse(store.get(SESSION_STORAGE_KEY) ?? 'null') as LoginResponse | null;
const reply = (status: number, body?: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), { status });
const bearerOf = (call: number) => new Headers(fetchMock.mock.calls[call][1]?.headers).get('authorization');
const urlOf = (call: number) => String(fetchMock.mock.calls[call][0]);
const refused = { code: 'UNAUTHENTICATED', message: 'this session was signed out, sign in again' };

/** Answers the API: 401 for the old token, the body for the new one, and a rotation on /refresh. */
function apiWithRefresh(body: unknown = { ok: true }) {
  fetchMock.mockImplementation((input, init) => {
    if (String(input) === '/api/auth/refresh') {
      return Promise.resolve(reply(200, session('tok-2', 'ref-2')));
    }
    const auth = new Headers(init?.headers).get('authorization');
    return Promise.resolve(auth === 'Bearer tok-2' ? reply(200, body) : reply(401, refused));
  });
}

beforeEach(() => {
  store.clear();
  dispatched.length = 0;
  fetchMock.mockReset();
  Object.assign(globalThis, {
    fetch: fetchMock,
    localStorage: {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => store.set(k, v),
      removeItem: (k: string) => store.delete(k),
    },
    window: { dispatchEvent: (e: Event) => dispatched.push(e.type) },
  });
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe(apiFetch.name, () => {
  it('sends the stored bearer token and answers the JSON body', async () => {
    signIn();
    fetchMock.mockResolvedValue(reply(200, [{ id: 'l1' }]));
    await expect(apiFetch('/api/live-sessions')).resolves.toEqual([{ id: 'l1' }]);
    expect(bearerOf(0)).toBe('Bearer tok-1');
  });

  it('sends no token when the stored session has ended', async () => {
    signIn(-1000, -1000);
    fetchMock.mockResolvedValue(reply(200, {}));
    await apiFetch('/api/auth/me');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(bearerOf(0)).toBeNull();
  });

  it('throws the server’s code, message and status', async () => {
    signIn();
    fetchMock.mockResolvedValue(reply(410, { code: 'LESSON_ENDED', message: 'the lesson has ended' }));
    const err = await apiFetch('/api/live-sessions/x/join', { method: 'POST', body: '{}' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'LESSON_ENDED', message: 'the lesson has ended', status: 410 });
    expect(new Headers(fetchMock.mock.calls[0][1]?.headers).get('content-type')).toBe('application/json');
  });

  it('carries the structured details of an error body', async () => {
    signIn();
    const details = [{ kind: 'teacher_busy', message: 'Li Jing already teaches' }];
    fetchMock.mockResolvedValue(reply(409, { code: 'SCHEDULE_CONFLICT', message: 'conflicts', details }));
    const err = await apiFetch('/api/communities/c1/schedules', { method: 'POST', body: '{}' }).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: 'SCHEDULE_CONFLICT', status: 409, details });
  });

  it('refreshes once on a 401 and retries the request with the new token', async () => {
    signIn();
    apiWithRefresh({ id: 'me' });
    await expect(apiFetch('/api/auth/me')).resolves.toEqual({ id: 'me' });
    expect(fetchMock.mock.calls.map((_, i) => `${urlOf(i)} ${bearerOf(i)}`)).toEqual([
      '/api/auth/me Bearer tok-1',
      '/api/auth/refresh null',
      '/api/auth/me Bearer tok-2',
    ]);
    expect(JSON.parse(String(fetchMock.mock.calls[1][1]?.body))).toEqual({ refreshToken: 'ref-1' });
    expect(stored()).toMatchObject({ accessToken: 'tok-2', refreshToken: 'ref-2' });
    expect(dispatched).toEqual([SESSION_UPDATED_EVENT]);
  });

  it('shares one refresh between concurrent requests (each refresh token works once)', async () => {
    signIn();
    apiWithRefresh();
    await Promise.all([apiFetch('/api/a'), apiFetch('/api/b'), apiFetch('/api/c')]);
    expect(fetchMock.mock.calls.filter((c) => String(c[0]) === '/api/auth/refresh')).toHaveLength(1);
    expect(fetchMock).toHaveBeenCalledTimes(7); // 3 refused + 1 refresh + 3 retries
  });

  it('refreshes an expired access token before sending the request', async () => {
    signIn(-1000);
    apiWithRefresh();
    await apiFetch('/api/a');
    expect(fetchMock.mock.calls.map((_, i) => urlOf(i))).toEqual(['/api/auth/refresh', '/api/a']);
    expect(bearerOf(1)).toBe('Bearer tok-2');
  });

  it('uses the session another tab already refreshed instead of refreshing again', async () => {
    signIn();
    fetchMock.mockImplementationOnce(() => {
      // While this request was out, another tab rotated the tokens.
      store.set(SESSION_STORAGE_KEY, JSON.stringify(session('tok-2', 'ref-2')));
      return Promise.resolve(reply(401, refused));
    });
    fetchMock.mockResolvedValueOnce(reply(200, { ok: true }));
    await expect(apiFetch('/api/a')).resolves.toEqual({ ok: true });
    expect(fetchMock.mock.calls.map((_, i) => urlOf(i))).toEqual(['/api/a', '/api/a']);
    expect(bearerOf(1)).toBe('Bearer tok-2');
  });

  it('signs out when the refresh is refused', async () => {
    signIn();
    fetchMock.mockImplementation((input) =>
      Promise.resolve(
        String(input) === '/api/auth/refresh'
          ? reply(401, { code: 'UNAUTHENTICATED', message: 'this refresh token was already used' })
          : reply(401, refused),
      ),
    );
    await expect(apiFetch('/api/auth/me')).rejects.toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(store.has(SESSION_STORAGE_KEY)).toBe(false);
    expect(dispatched).toEqual([SESSION_EXPIRED_EVENT]);
  });

  it('keeps the session when the API cannot be reached for the refresh', async () => {
    signIn(-1000);
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    await expect(apiFetch('/api/a')).rejects.toMatchObject({ code: 'UNAVAILABLE', status: 0 });
    expect(stored()?.refreshToken).toBe('ref-1');
    expect(dispatched).toEqual([]);
  });

  it('sends sign-in requests without a token and never refreshes for them', async () => {
    signIn();
    fetchMock.mockResolvedValue(reply(401, { code: 'TOTP_REQUIRED', message: 'enter the code' }));
    const body = { method: 'POST', body: '{}' };
    await expect(apiFetch('/api/auth/login', body, { anonymous: true })).rejects.toMatchObject({
      code: 'TOTP_REQUIRED',
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(bearerOf(0)).toBeNull();
    expect(stored()?.accessToken).toBe('tok-1');
  });

  it('maps bodiless errors by status, and a network failure to UNAVAILABLE', async () => {
    fetchMock.mockResolvedValueOnce(reply(503));
    await expect(apiFetch('/api/x')).rejects.toMatchObject({ code: 'UNAVAILABLE', status: 503 });
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(apiFetch('/api/x')).rejects.toMatchObject({ code: 'UNAVAILABLE', status: 0 });
  });
});
