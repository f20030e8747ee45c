import { type ErrorBody, LOCKOUT, type LoginResponse } from '@tongke/contracts';
import { authenticator } from 'otplib';
import { createClient, type RedisClientType } from 'redis';
import { DEMO_PASSWORD } from '../../seed/demo-district.data';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { AccountService } from './account.service';

describe(AccountService.name, () => {
  let t: ApiTestApp;
  let redis: RedisClientType;

  beforeAll(async () => {
    t = await startApiTestApp(5);
    redis = createClient({ url: t.config.redis.url });
    await redis.connect();
  });

  afterAll(async () => {
    await redis.quit();
    await t.close();
  });

  const login = (username: string, password = DEMO_PASSWORD, totpCode?: string) =>
    t.http.post('/api/auth/login').send({ username, password, ...(totpCode !== undefined && { totpCode }) });
  const bearer = (res: { body: unknown }) => ({ Authorization: `Bearer ${(res.body as LoginResponse).accessToken}` });
  /** Lets a lock run out now (it is a Redis key expiring after LOCKOUT.lockMin). */
  const expireLock = (username: string) => redis.pExpire(`tongke:auth:login-locked:${username}`, 1);

  async function failTimes(username: string, n: number, password = 'wrong-password'): Promise<void> {
    for (let i = 0; i < n; i++) await login(username, password).expect(401);
  }

  describe('lockout', () => {
    it(`locks after ${LOCKOUT.maxFailures} failures for ${LOCKOUT.lockMin} min, then unlocks`, async () => {
      await failTimes('english.zhao', LOCKOUT.maxFailures - 1);
      const before = Date.now();
      const locking = await login('english.zhao', 'wrong-password').expect(429);
      const body = locking.body as ErrorBody & { details: { lockedUntil: string } };
      expect(body.code).toBe('ACCOUNT_LOCKED');
      const until = Date.parse(body.details.lockedUntil);
      expect(until).toBeGreaterThanOrEqual(before + LOCKOUT.lockMin * 60_000 - 1000);
      expect(until).toBeLessThanOrEqual(Date.now() + LOCKOUT.lockMin * 60_000);
      expect(body.message).toContain(body.details.lockedUntil);
      // Even the right password is refused while locked.
      const locked = await login('english.zhao').expect(429);
      expect(locked.body).toEqual(body);
      const ttl = await redis.pTTL('tongke:auth:login-locked:english.zhao');
      expect(ttl).toBeGreaterThan((LOCKOUT.lockMin - 1) * 60_000);

      await expireLock('english.zhao');
      await new Promise((r) => setTimeout(r, 20));
      await login('english.zhao').expect(200);
      // A fresh count afterwards.
      await failTimes('english.zhao', LOCKOUT.maxFailures - 1);
      await login('english.zhao').expect(200);
    });

    it('forgets earlier failures after a successful sign-in', async () => {
      await failTimes('art.chen', LOCKOUT.maxFailures - 1);
      await login('art.chen').expect(200);
      await failTimes('art.chen', LOCKOUT.maxFailures - 1);
      await login('art.chen').expect(200);
    });

    it('counts failures for unknown usernames too, normalised like sign-in', async () => {
      await failTimes('ghost.user', LOCKOUT.maxFailures - 1);
      const res = await login(' Ghost.User', 'wrong-password').expect(429);
      expect(res.body.code).toBe('ACCOUNT_LOCKED');
      await login('ghost.user', 'anything').expect(429);
      await login('music.li').expect(200); // other accounts are not affected
    });

    it('validates the login body before counting anything', async () => {
      for (let i = 0; i < LOCKOUT.maxFailures + 1; i++) {
        const res = await login('admin', '').expect(400);
        expect(res.body.message).toMatch(/password/);
      }
      const code = await login('admin', DEMO_PASSWORD, '12ab56').expect(400);
      expect(code.body.message).toMatch(/totpCode must be the 6 digits/);
      await login('admin').expect(200);
    });
  });

  describe('TOTP', () => {
    it('sets up, enables, asks for the code at sign-in, and disables', async () => {
      const auth = bearer(await login('assistant.liu').expect(200));
      const early = await t.http.post('/api/auth/totp/enable').set(auth).send({ code: '123456' }).expect(409);
      expect(early.body.message).toMatch(/set up TOTP first/);

      const setup = await t.http.post('/api/auth/totp/setup').set(auth).expect(200);
      const { secret, otpauthUrl } = setup.body as { secret: string; otpauthUrl: string };
      expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
      expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
      expect(otpauthUrl).toContain(`secret=${secret}`);
      expect(otpauthUrl).toContain('assistant.liu');
      // Not on yet: signing in needs no code.
      await login('assistant.liu').expect(200);

      await t.http
        .post('/api/auth/totp/enable')
        .set(auth)
        .send({ code: wrongCode(secret) })
        .expect(400);
      const bad = await t.http.post('/api/auth/totp/enable').set(auth).send({ code: 'abc' }).expect(400);
      expect(bad.body.message).toMatch(/code must be the 6 digits/);
      await t.http
        .post('/api/auth/totp/enable')
        .set(auth)
        .send({ code: authenticator.generate(secret) })
        .expect(204);
      const me = await t.http.get('/api/auth/me').set(auth).expect(200);
      expect(me.body.totpEnabled).toBe(true);
      await t.http.post('/api/auth/totp/setup').set(auth).expect(409);

      // No code: TOTP_REQUIRED, counting nothing (more tries than the lockout allows).
      for (let i = 0; i < LOCKOUT.maxFailures + 1; i++) {
        const res = await login('assistant.liu').expect(401);
        expect(res.body.code).toBe('TOTP_REQUIRED');
      }
      const wrong = await login('assistant.liu', DEMO_PASSWORD, wrongCode(secret)).expect(401);
      expect(wrong.body).toEqual({ code: 'UNAUTHENTICATED', message: 'wrong authenticator code' });
      // A wrong password still says only that.
      const wrongPw = await login('assistant.liu', 'wrong-password').expect(401);
      expect(wrongPw.body.code).toBe('UNAUTHENTICATED');
      const code = authenticator.generate(secret);
      const ok = await login('assistant.liu', DEMO_PASSWORD, code).expect(200);
      expect((ok.body as LoginResponse).user.totpEnabled).toBe(true);
      // A code signs in once (a replayed one is refused even inside its 30 s window).
      const replay = await login('assistant.liu', DEMO_PASSWORD, code).expect(401);
      expect(replay.body.message).toMatch(/already used/);

      await t.http
        .post('/api/auth/totp/disable')
        .set(auth)
        .send({ code: wrongCode(secret) })
        .expect(400);
      await t.http
        .post('/api/auth/totp/disable')
        .set(auth)
        .send({ code: authenticator.generate(secret) })
        .expect(204);
      await t.http
        .post('/api/auth/totp/disable')
        .set(auth)
        .send({ code: authenticator.generate(secret) })
        .expect(409);
      await login('assistant.liu').expect(200);
    });

    it('counts wrong codes at sign-in towards the lockout', async () => {
      const auth = bearer(await login('school.wang').expect(200));
      const { secret } = (await t.http.post('/api/auth/totp/setup').set(auth).expect(200)).body as { secret: string };
      await t.http
        .post('/api/auth/totp/enable')
        .set(auth)
        .send({ code: authenticator.generate(secret) })
        .expect(204);
      for (let i = 0; i < LOCKOUT.maxFailures - 1; i++) {
        await login('school.wang', DEMO_PASSWORD, wrongCode(secret)).expect(401);
      }
      const locked = await login('school.wang', DEMO_PASSWORD, wrongCode(secret)).expect(429);
      expect(locked.body.code).toBe('ACCOUNT_LOCKED');
      await login('school.wang', DEMO_PASSWORD, authenticator.generate(secret)).expect(429);
      await expireLock('school.wang');
      await new Promise((r) => setTimeout(r, 20));
      await login('school.wang', DEMO_PASSWORD, authenticator.generate(secret)).expect(200);
    });
  });

  describe('password change', () => {
    it('changes the password and signs the other sessions out', async () => {
      const current = await login('research.sun').expect(200);
      const other = await login('research.sun').expect(200);
      const auth = bearer(current);
      const change = (body: object) => t.http.post('/api/auth/password').set(auth).send(body);

      const wrong = await change({ currentPassword: 'nope', newPassword: 'A-new-password-1' }).expect(400);
      expect(wrong.body.message).toBe('the current password is wrong');
      const short = await change({ currentPassword: DEMO_PASSWORD, newPassword: 'short' }).expect(400);
      expect(short.body.message).toMatch(/newPassword must be 10 to 128 characters/);
      await change({ currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD }).expect(400);
      await change({ currentPassword: DEMO_PASSWORD }).expect(400);
      await change({ currentPassword: DEMO_PASSWORD, newPassword: 'A-new-password-1', extra: 1 }).expect(400);

      await change({ currentPassword: DEMO_PASSWORD, newPassword: 'A-new-password-1' }).expect(204);
      await t.http.get('/api/auth/me').set(auth).expect(200);
      await t.http.get('/api/auth/me').set(bearer(other)).expect(401);
      const otherRefresh = (other.body as LoginResponse).refreshToken;
      await t.http.post('/api/auth/refresh').send({ refreshToken: otherRefresh }).expect(401);
      await login('research.sun').expect(401);
      await login('research.sun', 'A-new-password-1').expect(200);
      await t.http
        .post('/api/auth/password')
        .send({ currentPassword: 'x', newPassword: 'A-new-password-2' })
        .expect(401);
    });

    it('counts wrong current passwords towards the lockout', async () => {
      const auth = bearer(await login('terminal.4').expect(200));
      const change = () =>
        t.http.post('/api/auth/password').set(auth).send({ currentPassword: 'nope', newPassword: 'A-new-password-1' });
      for (let i = 0; i < LOCKOUT.maxFailures - 1; i++) await change().expect(400);
      const res = await change().expect(429);
      expect(res.body.code).toBe('ACCOUNT_LOCKED');
      await login('terminal.4').expect(429);
    });
  });
});

/** Six digits that are not the current code (nor its neighbours). */
function wrongCode(secret: string): string {
  const valid = new Set(
    [-30_000, 0, 30_000].map((d) => authenticator.clone({ epoch: Date.now() + d }).generate(secret)),
  );
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
}
