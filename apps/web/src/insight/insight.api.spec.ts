import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { LoginResponse } from '@tongke/contracts';
import { SESSION_STORAGE_KEY } from '../auth/session.storage';
import { downloadExport } from './insight.api';
import { saveBlob } from './insight-download';

jest.mock('./insight-download', () => ({
  ...jest.requireActual<typeof import('./insight-download')>('./insight-download'),
  saveBlob: jest.fn(),
}));

const store = new Map<string, string>();
const fetchMock = jest.fn<typeof fetch>();
const saved = saveBlob as jest.MockedFunction<typeof saveBlob>;
const PATH = '/api/insight/export/schools?from=2026-09-01&to=2026-10-31&format=csv&lang=zh-CN';
const FILE = 'tongke-insight-schools-district-2026-09-01_2026-10-31.csv';

function session(accessToken: string, refreshToken: string): LoginResponse {
  return {
    accessToken,
    expiresAt: new Date(Date.now() + 60_000).toISOString(),
    refreshToken,
    refreshExpiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    user: { id: 'u1', username: 'admin', displayName: '管理员', roles: ['district_admin'] },
  } as LoginResponse;
}

const csv = () =>
  new Response('\ufeff学校\r\n', {
    status: 200,
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${FILE}"` },
  });
const bearerOf = (call: number) => new Headers(fetchMock.mock.calls[call][1]?.headers).get('authorization');

beforeEach(() => {
  store.clear();
  fetchMock.mockReset();
  saved.mockReset();
  store.set(SESSION_STORAGE_KEY, JSON.stringify(session('tok-1', 'ref-1')));
  Object.assign(globalThis, {
    fetch: fetchMock,
    localStorage: {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => store.set(k, v),
      removeItem: (k: string) => store.delete(k),
    },
    window: { dispatchEvent: () => true },
  });
});

describe(downloadExport.name, () => {
  it('saves the file under the server’s name, sent with the bearer token', async () => {
    fetchMock.mockResolvedValueOnce(csv());
    await downloadExport(PATH, 'insight-schools.csv');
    expect(String(fetchMock.mock.calls[0][0])).toBe(PATH);
    expect(bearerOf(0)).toBe('Bearer tok-1');
    expect(saved).toHaveBeenCalledTimes(1);
    expect(saved.mock.calls[0][1]).toBe(FILE);
  });

  it('refreshes the session on a 401 and retries, like every other call', async () => {
    fetchMock.mockImplementation((input, init) => {
      if (String(input) === '/api/auth/refresh') {
        return Promise.resolve(new Response(JSON.stringify(session('tok-2', 'ref-2')), { status: 200 }));
      }
      const auth = new Headers(init?.headers).get('authorization');
      return Promise.resolve(
        auth === 'Bearer tok-2'
          ? csv()
          : new Response(JSON.stringify({ code: 'UNAUTHENTICATED', message: 'expired' }), { status: 401 }),
      );
    });
    await downloadExport(PATH, 'insight-schools.csv');
    expect(fetchMock.mock.calls.map((c) => String(c[0]))).toEqual([PATH, '/api/auth/refresh', PATH]);
    expect(bearerOf(2)).toBe('Bearer tok-2');
    expect(saved.mock.calls[0][1]).toBe(FILE);
  });

  it('throws the server’s code and message for a 403', async () => {
    fetchMock.mockResolvedValueOnce(
      new Response(JSON.stringify({ code: 'FORBIDDEN', message: 'school 123 is outside your scope' }), {
        status: 403,
      }),
    );
    await expect(downloadExport(PATH, 'x.csv')).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'school 123 is outside your scope',
      status: 403,
    });
    expect(saved).not.toHaveBeenCalled();
  });

  it('maps a 503 without a JSON body to UNAVAILABLE (not INTERNAL)', async () => {
    fetchMock.mockResolvedValueOnce(new Response('<html>Service Unavailable</html>', { status: 503 }));
    await expect(downloadExport(PATH, 'x.csv')).rejects.toMatchObject({ code: 'UNAVAILABLE', status: 503 });
  });
});
