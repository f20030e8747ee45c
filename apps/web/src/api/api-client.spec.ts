import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { SESSION_EXPIRED_EVENT, SESSION_STORAGE_KEY } from '../auth/session.storage';
import { apiFetch } from './api-client';
import { ApiError } from './api.error';

const store = new Map<string, string>();
const fetchMock = jest.fn<typeof fetch>();
const dispatched: string[] = [];

function signIn(expiresInMs = 60_000) {
  const session = {
    accessToken: 'tok-1',
    expiresAt: new Date(Date.now() + expiresInMs).toISOString(),
    user: { id: 'u1', username: 'music.li', displayName: '李静', roles: ['teacher'], communityId: 'c1' },
  };
  store.set(SESSION_STORAGE_KEY, JSON.stringify(session));
}

const reply = (status: number, body?: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), { status });

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
    const headers = new Headers(fetchMock.mock.calls[0][1]?.headers);
    expect(headers.get('authorization')).toBe('Bearer tok-1');
  });

  it('sends no token when the stored session has expired', async () => {
    signIn(-1000);
    fetchMock.mockResolvedValue(reply(200, {}));
    await apiFetch('/api/auth/me');
    expect(new Headers(fetchMock.mock.calls[0][1]?.headers).has('authorization')).toBe(false);
  });

  it('throws the server’s code, message and status', async () => {
    signIn();
    fetchMock.mockResolvedValue(reply(410, { code: 'LESSON_ENDED', message: 'the lesson has ended' }));
    const err = await apiFetch('/api/live-sessions/x/join', { method: 'POST', body: '{}' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'LESSON_ENDED', message: 'the lesson has ended', status: 410 });
    expect(new Headers(fetchMock.mock.calls[0][1]?.headers).get('content-type')).toBe('application/json');
  });

  it('ends the stored session when the API refuses its token', async () => {
    signIn();
    fetchMock.mockResolvedValue(reply(401, { code: 'UNAUTHENTICATED', message: 'session expired, sign in again' }));
    await expect(apiFetch('/api/auth/me')).rejects.toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    expect(store.has(SESSION_STORAGE_KEY)).toBe(false);
    expect(dispatched).toEqual([SESSION_EXPIRED_EVENT]);
  });

  it('maps answers without an error body and network failures to codes', async () => {
    fetchMock.mockResolvedValueOnce(new Response('<html>bad gateway</html>', { status: 503 }));
    await expect(apiFetch('/api/x')).rejects.toMatchObject({ code: 'UNAVAILABLE', status: 503 });
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(apiFetch('/api/x')).rejects.toMatchObject({ code: 'UNAVAILABLE', status: 0 });
    expect(dispatched).toEqual([]);
  });
});
