import { JwtService } from '@nestjs/jwt';
import { getModelToken } from '@nestjs/mongoose';
import { type ClassroomRef, type CurrentUser, JOIN_TOKEN_AUDIENCE, type LoginResponse, Role } from '@tongke/contracts';
import type { Model } from 'mongoose';
import { User } from '../org/schemas/user.schema';
import { DEMO_PASSWORD } from '../seed/demo-district.data';
import { type ApiTestApp, startApiTestApp } from '../../../../test/support/api-test-app';
import { AuthService } from './auth.service';

describe(AuthService.name, () => {
  let t: ApiTestApp;

  beforeAll(async () => {
    t = await startApiTestApp(11);
  });

  afterAll(async () => {
    await t.close();
  });

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

  it('documents the API with bearer auth and keeps the internal route out', async () => {
    const res = await t.http.get('/api/docs-json').expect(200);
    const doc = res.body as { paths: Record<string, unknown>; components: { securitySchemes: object } };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/auth/me', '/api/live-sessions/{id}/join', '/api/classrooms']),
    );
    expect(Object.keys(doc.paths).some((p) => p.includes('internal'))).toBe(false);
    expect(doc.components.securitySchemes).toHaveProperty('bearer');
  });
});
