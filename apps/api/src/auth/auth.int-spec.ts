import { JwtService } from '@nestjs/jwt';
import { getModelToken } from '@nestjs/mongoose';
import {
  type AuthSessionView,
  type ClassroomRef,
  type CurrentUser,
  JOIN_TOKEN_AUDIENCE,
  type LoginResponse,
  Role,
} from '@tongke/contracts';
import type { Model } from 'mongoose';
import { User } from '../org/schemas/user.schema';
import { DEMO_PASSWORD } from '../seed/demo-district.data';
import { type ApiTestApp, startApiTestApp } from '../../../../test/support/api-test-app';
import { AuthService } from './auth.service';

describe(AuthService.name, () => {
  let t: ApiTestApp;

  beforeAll(async () => {
    t = await startApiTestApp(4);
  });

  afterAll(async () => {
    await t.close();
  });

  async function signIn(username: string, password = DEMO_PASSWORD): Promise<LoginResponse> {
    const res = await t.http.post('/api/auth/login').send({ username, password }).expect(200);
    return res.body as LoginResponse;
  }

  const me = (accessToken: string) => t.http.get('/api/auth/me').set('Authorization', `Bearer ${accessToken}`);
  const refresh = (refreshToken: string) => t.http.post('/api/auth/refresh').send({ refreshToken });

  it('signs in with the right password and answers an access token for the API', async () => {
    const res = await t.http
      .post('/api/auth/login')
      .send({ username: 'Music.Li', password: DEMO_PASSWORD })
      .expect(200);
    const body = res.body as LoginResponse;
    expect(body.user).toMatchObject({ username: 'music.li', displayName: '李静（音乐）', roles: [Role.TEACHER] });
    expect(body.user.communityId).toMatch(/^[0-9a-f]{24}$/);
    expect(body).not.toHaveProperty('user.passwordHash');
    const claims = t.app.get(JwtService).decode<Record<string, unknown>>(body.accessToken);
    expect(claims).toMatchObject({ sub: body.user.id, aud: 'tongke-api' });
    expect((claims.exp as number) - (claims.iat as number)).toBe(t.config.auth.accessTokenTtlMin * 60);
    expect(Date.parse(body.expiresAt)).toBe((claims.exp as number) * 1000);
    expect(claims.sid).toMatch(/^[0-9a-f]{24}$/);
    expect(body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const refreshDays = (Date.parse(body.refreshExpiresAt) - Date.now()) / 86_400_000;
    expect(refreshDays).toBeGreaterThan(t.config.auth.refreshTokenTtlDays - 0.01);
    expect(refreshDays).toBeLessThanOrEqual(t.config.auth.refreshTokenTtlDays);
    expect(body.user.totpEnabled).toBe(false);
  });

  it('answers a wrong password and an unknown user the same way', async () => {
    const wrong = await t.http.post('/api/auth/login').send({ username: 'music.li', password: 'nope' }).expect(401);
    const unknown = await t.http.post('/api/auth/login').send({ username: 'nobody', password: 'nope' }).expect(401);
    expect(wrong.body).toEqual({ code: 'UNAUTHENTICATED', message: 'wrong username or password' });
    expect(unknown.body).toEqual(wrong.body);
  });

  it('validates the login body', async () => {
    const res = await t.http.post('/api/auth/login').send({ username: '', extra: 1 }).expect(400);
    expect(res.body.code).toBe('BAD_REQUEST');
    expect(res.body.message).toMatch(/extra should not exist/);
    expect(res.body.message).toMatch(/password/);
  });

  it('answers /auth/me for a valid token and 401 without one or with a bad one', async () => {
    const token = await t.login('terminal.2');
    const me = await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(me.body as CurrentUser).toMatchObject({ username: 'terminal.2', classroomId: '74e9c00000000000000000c9' });

    const missing = await t.http.get('/api/auth/me').expect(401);
    expect(missing.body.code).toBe('UNAUTHENTICATED');
    await t.http.get('/api/auth/me').set('Authorization', 'Bearer not.a.jwt').expect(401);
    await t.http.get('/api/auth/me').set('Authorization', `Basic ${token}`).expect(401);
    const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    await t.http.get('/api/auth/me').set('Authorization', `Bearer ${forged}`).expect(401);
  });

  it('refuses expired tokens and tokens for another audience', async () => {
    const jwt = t.app.get(JwtService);
    const me = (await t.http.post('/api/auth/login').send({ username: 'admin', password: DEMO_PASSWORD })).body
      .user as CurrentUser;
    const iat = Math.floor(Date.now() / 1000) - 3600;
    const expired = jwt.sign({ iat }, { subject: me.id, audience: 'tongke-api', expiresIn: 60 });
    const res = await t.http.get('/api/auth/me').set('Authorization', `Bearer ${expired}`).expect(401);
    expect(res.body.message).toMatch(/expired/);
    const joinToken = jwt.sign({}, { subject: me.id, audience: JOIN_TOKEN_AUDIENCE, expiresIn: 60 });
    await t.http.get('/api/auth/me').set('Authorization', `Bearer ${joinToken}`).expect(401);
  });

  it('refuses the wrong role with 403', async () => {
    const token = await t.login('terminal.1');
    const res = await t.http
      .post('/api/live-sessions')
      .set('Authorization', `Bearer ${token}`)
      .send({ title: 'x', subject: 'music', grade: 4, classroomIds: ['74e9c00000000000000000c9'] })
      .expect(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  it('stops accepting the token of an account disabled after it signed in', async () => {
    const token = await t.login('art.chen');
    await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    const users = t.app.get<Model<User>>(getModelToken(User.name));
    await users.updateOne({ username: 'art.chen' }, { $set: { disabled: true } }).exec();
    await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
    await t.http.post('/api/auth/login').send({ username: 'art.chen', password: DEMO_PASSWORD }).expect(401);
    await users.updateOne({ username: 'art.chen' }, { $set: { disabled: false } }).exec();
  });

  it("lists the caller's community's classrooms with their schools", async () => {
    const token = await t.login('music.li');
    const res = await t.http.get('/api/classrooms').set('Authorization', `Bearer ${token}`).expect(200);
    const rooms = res.body as ClassroomRef[];
    expect(rooms).toHaveLength(4);
    expect(rooms).toContainEqual({
      id: '74e9c00000000000000000c9',
      name: '四年级（1）班 同步课堂教室',
      schoolId: '74e9c0000000000000000065',
      schoolName: '汤河乡中心小学',
    });
    await t.http.get('/api/classrooms').expect(401);
  });

  it("documents every route with bearer auth, the media nodes' internal route under its own tag", async () => {
    const res = await t.http.get('/api/docs-json').expect(200);
    const doc = res.body as { paths: Record<string, unknown>; components: { securitySchemes: object } };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/auth/refresh',
        '/api/auth/logout',
        '/api/auth/sessions',
        '/api/auth/sessions/{sessionId}',
        '/api/auth/totp/setup',
        '/api/auth/password',
        '/api/auth/device',
        '/api/communities/{communityId}/classrooms/{classroomId}/device-code',
        '/api/auth/me',
        '/api/live-sessions/{id}/join',
        '/api/classrooms',
      ]),
    );
    const internal = doc.paths['/api/internal/live-sessions/{id}/events'] as { post: { tags: string[] } };
    expect(internal.post.tags).toEqual(['internal']);
    expect(doc.components.securitySchemes).toHaveProperty('bearer');
  });

  describe('refresh tokens', () => {
    it('rotates: the new pair works, the old refresh token works only once', async () => {
      const first = await signIn('music.li');
      const res = await refresh(first.refreshToken).expect(200);
      const second = res.body as LoginResponse;
      expect(second.refreshToken).not.toBe(first.refreshToken);
      expect(second.user.username).toBe('music.li');
      expect(second.refreshExpiresAt).toBe(first.refreshExpiresAt); // password sessions don't extend
      const jwt = t.app.get(JwtService);
      expect(jwt.decode<{ sid: string }>(second.accessToken).sid).toBe(
        jwt.decode<{ sid: string }>(first.accessToken).sid,
      );
      await me(second.accessToken).expect(200);
      const third = (await refresh(second.refreshToken).expect(200)).body as LoginResponse;
      await me(third.accessToken).expect(200);
    });

    it('revokes the whole session when a rotated refresh token is used again (theft)', async () => {
      const first = await signIn('music.li');
      const second = (await refresh(first.refreshToken).expect(200)).body as LoginResponse;
      const replay = await refresh(first.refreshToken).expect(401);
      expect(replay.body).toEqual({
        code: 'UNAUTHENTICATED',
        message: 'this refresh token was already used; the session is revoked',
      });
      // The legitimate holder's tokens of that session are dead too.
      await refresh(second.refreshToken).expect(401);
      const denied = await me(second.accessToken).expect(401);
      expect(denied.body.message).toMatch(/signed out/);
      await me(first.accessToken).expect(401);
    });

    it('lets only one of two concurrent refreshes with the same token win', async () => {
      const first = await signIn('art.chen');
      const answers = await Promise.all([refresh(first.refreshToken), refresh(first.refreshToken)]);
      expect(answers.map((r) => r.status).sort()).toEqual([200, 401]);
      const winner = answers.find((r) => r.status === 200)!.body as LoginResponse;
      await refresh(winner.refreshToken).expect(401); // the loser's replay revoked the family
    });

    it('refuses unknown refresh tokens and bad bodies with a message', async () => {
      const unknown = await refresh('x'.repeat(43)).expect(401);
      expect(unknown.body.message).toMatch(/unknown refresh token/);
      const missing = await t.http.post('/api/auth/refresh').send({}).expect(400);
      expect(missing.body.message).toMatch(/refreshToken/);
      const wrongType = await t.http.post('/api/auth/refresh').send({ refreshToken: 42 }).expect(400);
      expect(wrongType.body.message).toMatch(/refreshToken must be a string/);
      await t.http
        .post('/api/auth/refresh')
        .send({ refreshToken: 'y'.repeat(500) })
        .expect(400);
    });

    it('refuses to refresh the session of an account disabled meanwhile', async () => {
      const first = await signIn('art.chen');
      const users = t.app.get<Model<User>>(getModelToken(User.name));
      await users.updateOne({ username: 'art.chen' }, { $set: { disabled: true } }).exec();
      try {
        await refresh(first.refreshToken).expect(401);
      } finally {
        await users.updateOne({ username: 'art.chen' }, { $set: { disabled: false } }).exec();
      }
      await refresh(first.refreshToken).expect(401); // and the session stays revoked
    });
  });

  describe('logout and sessions', () => {
    it('logout revokes the session: its access token stops working at once', async () => {
      const session = await signIn('music.li');
      const other = await signIn('music.li');
      await me(session.accessToken).expect(200);
      await t.http.post('/api/auth/logout').send({ refreshToken: session.refreshToken }).expect(204);
      const res = await me(session.accessToken).expect(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
      await refresh(session.refreshToken).expect(401);
      await me(other.accessToken).expect(200); // other sessions are untouched
      // Logging out twice or with an unknown token is harmless.
      await t.http.post('/api/auth/logout').send({ refreshToken: session.refreshToken }).expect(204);
      await t.http.post('/api/auth/logout').send({ refreshToken: 'nope' }).expect(204);
      await t.http.post('/api/auth/logout').send({}).expect(400);
    });

    it('lists own live sessions, marks the current one, and revokes one by id', async () => {
      const a = await signIn('research.sun');
      const b = await signIn('research.sun');
      const list = (await t.http.get('/api/auth/sessions').set('Authorization', `Bearer ${a.accessToken}`).expect(200))
        .body as AuthSessionView[];
      const sidOf = (tok: string) => t.app.get(JwtService).decode<{ sid: string }>(tok).sid;
      expect(list.map((s) => s.id)).toEqual(expect.arrayContaining([sidOf(a.accessToken), sidOf(b.accessToken)]));
      expect(list.find((s) => s.current)?.id).toBe(sidOf(a.accessToken));
      expect(list[0]).toMatchObject({ kind: 'password', current: expect.any(Boolean) });
      expect(list[0]).not.toHaveProperty('tokenHash');

      const auth = { Authorization: `Bearer ${a.accessToken}` };
      await t.http
        .delete(`/api/auth/sessions/${sidOf(b.accessToken)}`)
        .set(auth)
        .expect(204);
      await me(b.accessToken).expect(401);
      await refresh(b.refreshToken).expect(401);
      const after = (await t.http.get('/api/auth/sessions').set(auth).expect(200)).body as AuthSessionView[];
      expect(after.map((s) => s.id)).not.toContain(sidOf(b.accessToken));
      // Already revoked, someone else's, malformed.
      await t.http
        .delete(`/api/auth/sessions/${sidOf(b.accessToken)}`)
        .set(auth)
        .expect(404);
      const theirs = await signIn('music.li');
      await t.http
        .delete(`/api/auth/sessions/${sidOf(theirs.accessToken)}`)
        .set(auth)
        .expect(404);
      await me(theirs.accessToken).expect(200);
      const bad = await t.http.delete('/api/auth/sessions/xyz').set(auth).expect(400);
      expect(bad.body.message).toMatch(/24-digit hex/);
      await t.http.get('/api/auth/sessions').expect(401);
    });

    it('refuses access tokens without a session id', async () => {
      const user = (await signIn('music.li')).user;
      const legacy = t.app.get(JwtService).sign({}, { subject: user.id, audience: 'tongke-api', expiresIn: 60 });
      await me(legacy).expect(401);
    });
  });
});
