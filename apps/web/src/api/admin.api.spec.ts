import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { communityPath, deleteSchool, listAuditLog, updatePairing } from './admin.api';
import { createDeviceCode, listClassrooms, putBellSchedule, unpairDevice, updateUser } from './admin-school.api';
import { apiFetch } from './api-client';

jest.mock('./api-client', () => {
  const actual = jest.requireActual<typeof import('./api-client')>('./api-client');
  return { ...actual, apiFetch: jest.fn() };
});

const fetchMock = jest.mocked(apiFetch);
const call = (i = 0) => {
  const [path, init] = fetchMock.mock.calls[i];
  return {
    path,
    method: init?.method ?? 'GET',
    body: init?.body ? (JSON.parse(String(init.body)) as unknown) : undefined,
  };
};

beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockResolvedValue(undefined);
});

describe(communityPath.name, () => {
  it('encodes every segment', () => {
    expect(communityPath('c1', 'schools', 'a/b')).toBe('/api/communities/c1/schools/a%2Fb');
    expect(communityPath('c 1')).toBe('/api/communities/c%201');
  });
});

describe('admin API calls', () => {
  it('pages the audit log by `before`', async () => {
    await listAuditLog('c1', 50);
    await listAuditLog('c1', 50, '2026-03-02T08:00:00.000Z');
    expect(call(0).path).toBe('/api/communities/c1/audit-log?limit=50');
    expect(call(1).path).toBe('/api/communities/c1/audit-log?limit=50&before=2026-03-02T08%3A00%3A00.000Z');
  });

  it('pairs and unpairs a classroom terminal', async () => {
    await createDeviceCode('c1', 'r1');
    await unpairDevice('c1', 'r1');
    expect(call(0)).toEqual({ path: '/api/communities/c1/classrooms/r1/device-code', method: 'POST', body: {} });
    expect(call(1)).toEqual({ path: '/api/communities/c1/classrooms/r1/device', method: 'DELETE', body: undefined });
  });

  it('filters lists by school and sends PATCH/PUT/DELETE bodies as given', async () => {
    await listClassrooms('c1', 's1');
    await updatePairing('c1', 'p1', { until: null });
    await putBellSchedule('c1', 's1', { periods: [] });
    await updateUser('c1', 'u1', { disabled: true });
    await deleteSchool('c1', 's1');
    expect(call(0).path).toBe('/api/communities/c1/classrooms?schoolId=s1');
    expect(call(1)).toEqual({ path: '/api/communities/c1/pairings/p1', method: 'PATCH', body: { until: null } });
    expect(call(2)).toEqual({
      path: '/api/communities/c1/schools/s1/bell-schedule',
      method: 'PUT',
      body: { periods: [] },
    });
    expect(call(3)).toEqual({ path: '/api/communities/c1/users/u1', method: 'PATCH', body: { disabled: true } });
    expect(call(4)).toEqual({ path: '/api/communities/c1/schools/s1', method: 'DELETE', body: undefined });
  });
});
