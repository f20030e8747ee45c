import { redactSecretPath, requestLogView } from './redact-request';

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

  it('hides signed playback tokens anywhere in the path (library media, time-shift, channels)', () => {
    const token = `mj3k2a.${'A'.repeat(40)}_-x`;
    expect(redactSecretPath(`/api/library/media/resource/abc/${token}/hls/master.m3u8`)).toBe(
      '/api/library/media/resource/abc/[redacted]/hls/master.m3u8',
    );
    expect(redactSecretPath(`/api/live-sessions/s1/timeshift/${token}/chunk-00001.ts`)).toBe(
      '/api/live-sessions/s1/timeshift/[redacted]/chunk-00001.ts',
    );
    expect(redactSecretPath(`/api/x/${token}?download=1`)).toBe('/api/x/[redacted]?download=1');
    expect(redactSecretPath('/api/library/resources/abc/playback')).toBe('/api/library/resources/abc/playback');
  });
});

describe(requestLogView.name, () => {
  it('keeps the id, method and URL (the original one behind a prefix router), with path credentials hidden', () => {
    const req = { id: 'r1', method: 'GET', url: '/ical/abc.def.ghi.ics', originalUrl: '/api/ical/abc.def.ghi.ics' };
    const out = requestLogView(req);
    expect(out).toEqual({ id: 'r1', method: 'GET', url: '/api/ical/[redacted]' });
    expect(JSON.stringify(out)).not.toContain('abc.def.ghi');
    expect(requestLogView({ id: 2, method: 'POST', url: '/api/health' })).toEqual({
      id: 2,
      method: 'POST',
      url: '/api/health',
    });
  });
});
