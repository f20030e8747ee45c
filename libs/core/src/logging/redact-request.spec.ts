import { redactRequest, redactSecretPath } from './redact-request';

describe(redactSecretPath.name, () => {
  it('hides the token of an iCal subscription URL and keeps other URLs', () => {
    expect(redactSecretPath('/api/ical/eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl.ics')).toBe(
      '/api/ical/[redacted]',
    );
    expect(redactSecretPath('/api/ical/abc.def.ghi.ics?x=1')).toBe('/api/ical/[redacted]?x=1');
    expect(redactSecretPath('/api/communities/1/ical-link?teacherId=2')).toBe(
      '/api/communities/1/ical-link?teacherId=2',
    );
  });
});

describe(redactRequest.name, () => {
  it('rewrites the URL and drops the route params that hold the token', () => {
    const req = { id: 'r1', method: 'GET', url: '/api/ical/abc.def.ghi.ics', params: { token: 'abc.def.ghi' } };
    const out = redactRequest(req);
    expect(out).toEqual({ id: 'r1', method: 'GET', url: '/api/ical/[redacted]', params: {} });
    expect(JSON.stringify(out)).not.toContain('abc.def.ghi');
    const other = { url: '/api/health', params: {} };
    expect(redactRequest(other)).toBe(other);
  });
});
