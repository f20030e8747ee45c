import { ConfigError } from './config.error';
import { defaultAnnouncedIp } from './env.schema';
import { loadApiConfig, loadMediaConfig } from './load-config';

const base = {
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_SECRET: 'x'.repeat(32),
  MONGODB_URI: 'mongodb://127.0.0.1:27017/',
};
// Any executable file will do as a worker binary for validation purposes.
const media = { REDIS_URL: base.REDIS_URL, JWT_SECRET: base.JWT_SECRET, MEDIASOUP_WORKER_BIN: process.execPath };

function problems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe(loadApiConfig.name, () => {
  it('applies defaults and groups the values', () => {
    const c = loadApiConfig(base);
    expect(c.server).toMatchObject({ host: '0.0.0.0', port: 3000, seedDemo: false });
    expect(c.server.webDistDir).toMatch(/dist\/apps\/web$/);
    expect(c.mongo).toMatchObject({ uri: base.MONGODB_URI, dbName: 'tongke' });
    expect(c.log.level).toBe('info');
  });

  it('names each bad variable and what is expected, in one line', () => {
    const err = (() => {
      try {
        loadApiConfig({ ...base, MONGODB_URI: 'nonsense', API_PORT: '70000', JWT_SECRET: 'short' });
      } catch (e) {
        return e as ConfigError;
      }
    })();
    expect(err?.message).toBe(
      'Invalid configuration: JWT_SECRET must be at least 32 characters; API_PORT must be a port number 1-65535; ' +
        'MONGODB_URI must be a MongoDB connection string (mongodb://host:port/db)',
    );
    expect(err?.message).not.toContain('\n');
  });

  it('reports missing required variables', () => {
    expect(problems(() => loadApiConfig({}))).toEqual([
      'REDIS_URL is required (redis://host:port)',
      'JWT_SECRET is required',
      'MONGODB_URI is required (mongodb://host:port/db)',
    ]);
  });

  it('treats empty strings as unset and parses booleans strictly', () => {
    expect(loadApiConfig({ ...base, API_PORT: '', SEED_DEMO: 'yes' }).server).toMatchObject({
      port: 3000,
      seedDemo: true,
    });
    expect(loadApiConfig(base).server.seedDemoTimetable).toBe(true);
    expect(loadApiConfig({ ...base, SEED_DEMO_TIMETABLE: 'false' }).server.seedDemoTimetable).toBe(false);
    expect(problems(() => loadApiConfig({ ...base, SEED_DEMO: 'maybe' }))).toEqual(['SEED_DEMO must be true or false']);
  });

  it('reads the lesson lifecycle settings, with defaults', () => {
    expect(loadApiConfig(base).lesson).toEqual({ openLeadMin: 10, missedGraceMin: 10, lifecycleTickS: 30 });
    const c = loadApiConfig({
      ...base,
      LESSON_OPEN_LEAD_MIN: '0',
      LESSON_MISSED_GRACE_MIN: '25',
      LESSON_LIFECYCLE_TICK_S: '5',
    });
    expect(c.lesson).toEqual({ openLeadMin: 0, missedGraceMin: 25, lifecycleTickS: 5 });
    expect(
      problems(() => loadApiConfig({ ...base, LESSON_LIFECYCLE_TICK_S: '0', LESSON_OPEN_LEAD_MIN: 'soon' })),
    ).toEqual([expect.stringMatching(/^LESSON_OPEN_LEAD_MIN /), expect.stringMatching(/^LESSON_LIFECYCLE_TICK_S /)]);
  });

  it('reads the refresh token lifetime, 14 days by default', () => {
    expect(loadApiConfig(base).auth.refreshTokenTtlDays).toBe(14);
    expect(loadApiConfig({ ...base, REFRESH_TOKEN_TTL_DAYS: '30' }).auth.refreshTokenTtlDays).toBe(30);
    expect(problems(() => loadApiConfig({ ...base, REFRESH_TOKEN_TTL_DAYS: '0' }))).toEqual([
      expect.stringMatching(/^REFRESH_TOKEN_TTL_DAYS /),
    ]);
  });

  it('rejects database names FerretDB cannot store', () => {
    expect(problems(() => loadApiConfig({ ...base, MONGODB_DB: 'tongke-1' }))).toEqual([
      'MONGODB_DB must be latin letters only (FerretDB limit)',
    ]);
  });
});

describe(loadMediaConfig.name, () => {
  it('derives the public URL and node id from the port', () => {
    const c = loadMediaConfig({ ...media, MEDIA_PORT: '4001' });
    expect(c.server.publicUrl).toBe('http://localhost:4001');
    expect(c.server.nodeId).toMatch(/-4001$/);
    expect(c.mediasoup).toMatchObject({ rtcMinPort: 40000, rtcMaxPort: 49999, listenIp: '0.0.0.0', turn: undefined });
  });

  it('requires an executable worker binary', () => {
    expect(problems(() => loadMediaConfig({ ...media, MEDIASOUP_WORKER_BIN: '/nonexistent' }))).toEqual([
      'MEDIASOUP_WORKER_BIN must be the path of an executable file (run `npm run setup` to build the mediasoup worker)',
    ]);
  });

  it('checks the RTC port range and the TURN settings', () => {
    expect(
      problems(() => loadMediaConfig({ ...media, MEDIASOUP_RTC_MIN_PORT: '5000', MEDIASOUP_RTC_MAX_PORT: '4000' })),
    ).toEqual(['MEDIASOUP_RTC_MIN_PORT must be lower than MEDIASOUP_RTC_MAX_PORT']);
    expect(problems(() => loadMediaConfig({ ...media, TURN_URLS: 'turn:turn.example.org:3478' }))).toEqual([
      'TURN_SECRET is required when TURN_URLS is set',
    ]);
    expect(problems(() => loadMediaConfig({ ...media, TURN_URLS: 'http://x', TURN_SECRET: 's' }))).toEqual([
      'TURN_URLS entry "http://x" must look like turn:host:port or turns:host:port',
    ]);
    expect(
      loadMediaConfig({ ...media, TURN_URLS: 'turn:a:3478, turns:b:5349', TURN_SECRET: 's' }).mediasoup.turn,
    ).toEqual({ urls: ['turn:a:3478', 'turns:b:5349'], secret: 's' });
  });

  it('rejects a listen IP that is not IPv4', () => {
    expect(problems(() => loadMediaConfig({ ...media, MEDIASOUP_LISTEN_IP: 'localhost' }))).toEqual([
      'MEDIASOUP_LISTEN_IP must be an IPv4 address',
    ]);
  });

  it('announces a reachable IPv4 when listening on all interfaces, unless told otherwise', () => {
    expect(loadMediaConfig(media).mediasoup.announcedIp).toBe(defaultAnnouncedIp());
    expect(loadMediaConfig({ ...media, MEDIASOUP_ANNOUNCED_IP: '203.0.113.7' }).mediasoup.announcedIp).toBe(
      '203.0.113.7',
    );
    expect(loadMediaConfig({ ...media, MEDIASOUP_LISTEN_IP: '127.0.0.1' }).mediasoup.announcedIp).toBeUndefined();
  });
});

describe(defaultAnnouncedIp.name, () => {
  const lo = {
    address: '127.0.0.1',
    netmask: '255.0.0.0',
    family: 'IPv4',
    mac: '',
    internal: true,
    cidr: null,
  } as const;
  const eth = { ...lo, address: '192.0.2.2', internal: false } as const;
  const v6 = { ...eth, address: 'fd00::2', family: 'IPv6', scopeid: 0 } as const;

  it('picks the first non-internal IPv4, else loopback', () => {
    expect(defaultAnnouncedIp({ lo: [lo], eth0: [v6, eth] })).toBe('192.0.2.2');
    expect(defaultAnnouncedIp({ lo: [lo], eth0: [v6] })).toBe('127.0.0.1');
  });
});
