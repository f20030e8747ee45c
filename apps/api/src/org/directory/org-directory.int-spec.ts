import type { INestApplication } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { type CurrentUser, Role } from '@tongke/contracts';
import { type Model, Types } from 'mongoose';
import { createClient } from 'redis';
import request from 'supertest';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { DEMO_IDS } from '../../live/testing/timetabled-sessions.fixture';
import { CommunityRepository } from '../repositories/community.repository';
import { SchoolRepository } from '../repositories/school.repository';
import { UserRepository } from '../repositories/user.repository';
import { Classroom } from '../schemas/classroom.schema';
import { Community } from '../schemas/community.schema';
import { School } from '../schemas/school.schema';
import { User } from '../schemas/user.schema';
import { OrgDirectory } from './org-directory.service';
import { startPeerApiApp } from './testing/peer-api-app.fixture';

const oid = (id: string) => new Types.ObjectId(id);
const community = oid(DEMO_IDS.community);
const musicLi = oid(DEMO_IDS.users.musicLi);
const room201 = oid(DEMO_IDS.rooms[201]);
/** Redis dbs: the seeded app and its peer share 45; the reconnect peer is alone on 47. */
const REDIS_DB = { main: 45, reconnectPeer: 47 };

/** Retries `check` until it passes or `ms` ran out (then its last failure is thrown). */
async function within<T>(ms: number, check: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

describe(OrgDirectory.name, () => {
  let t: ApiTestApp;
  let peer: INestApplication;
  let token: string;
  let adminToken: string;
  const dirA = () => t.app.get(OrgDirectory);
  const dirB = () => peer.get(OrgDirectory);
  const me = (app: INestApplication, status = 200) =>
    request(app.getHttpServer()).get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(status);
  const teacherFilter = (app: INestApplication, teacherId: string) =>
    request(app.getHttpServer())
      .get(`/api/communities/${DEMO_IDS.community}/timetable?teacherId=${teacherId}&from=2026-09-07&to=2026-09-13`)
      .set('Authorization', `Bearer ${adminToken}`);

  beforeAll(async () => {
    t = await startApiTestApp(REDIS_DB.main);
    peer = await startPeerApiApp(t.config, REDIS_DB.main);
    token = await t.login('music.li');
    adminToken = await t.login('admin');
  });

  afterAll(async () => {
    await peer?.close();
    await t?.close();
  });

  it('keeps accounts and snapshots between requests (one load each)', async () => {
    const byId = jest.spyOn(peer.get(UserRepository), 'findById');
    const byCommunity = jest.spyOn(peer.get(SchoolRepository), 'findByCommunity');
    try {
      await me(peer);
      await me(peer);
      await Promise.all([dirB().of(community), dirB().of(community)]);
      await dirB().of(community);
      expect(byId).toHaveBeenCalledTimes(1);
      expect(byCommunity).toHaveBeenCalledTimes(1);
      expect((await dirB().of(community)).displayName(musicLi)).toBe('李静（音乐）');
    } finally {
      byId.mockRestore();
      byCommunity.mockRestore();
    }
  });

  it('shows a rename at once in the writing process and within a second in another', async () => {
    await Promise.all([me(t.app), me(peer), dirA().of(community), dirB().of(community)]); // both warm
    await request(t.app.getHttpServer())
      .patch(`/api/communities/${DEMO_IDS.community}/users/${DEMO_IDS.users.musicLi}`)
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ displayName: '李老师（音乐）' })
      .expect(200);
    expect((await me(t.app)).body as CurrentUser).toMatchObject({ displayName: '李老师（音乐）' });
    expect((await dirA().of(community)).displayName(musicLi)).toBe('李老师（音乐）');
    await within(1000, async () => {
      expect((await me(peer)).body as CurrentUser).toMatchObject({ displayName: '李老师（音乐）' });
      expect((await dirB().of(community)).displayName(musicLi)).toBe('李老师（音乐）');
    });
  });

  it('applies a role change to the timetable filter at once here and within a second there', async () => {
    await teacherFilter(t.app, DEMO_IDS.users.musicLi).expect(200);
    await teacherFilter(peer, DEMO_IDS.users.musicLi).expect(200);
    await t.app.get(UserRepository).update(community, musicLi, { roles: [Role.RESEARCH_OFFICER] });
    await teacherFilter(t.app, DEMO_IDS.users.musicLi).expect(404);
    await within(1000, () => teacherFilter(peer, DEMO_IDS.users.musicLi).expect(404));
    await t.app.get(UserRepository).update(community, musicLi, { roles: [Role.TEACHER] });
    await teacherFilter(t.app, DEMO_IDS.users.musicLi).expect(200);
  });

  it('refuses a disabled account at once (its sessions still valid) and within a second elsewhere', async () => {
    await Promise.all([me(t.app), me(peer)]);
    await t.app.get(UserRepository).update(community, musicLi, { disabled: true });
    await me(t.app, 401);
    await within(1000, () => me(peer, 401));
    await t.app.get(UserRepository).update(community, musicLi, { disabled: false });
    await me(t.app, 200);
    await within(1000, () => me(peer, 200));
  });

  it("sees an import's rows at once, also after a failed batch, and their removal", async () => {
    const schools = t.app.get(SchoolRepository);
    const importId = new Types.ObjectId();
    const row = (name: string) => ({ _id: new Types.ObjectId(), name, kind: 'rural', stage: 'primary' }) as School;
    const [first, clash] = [row('导入小学'), row('山城区第一实验小学')]; // a demo school's name: the batch fails there
    await dirA().of(community);
    await expect(schools.insertForImport(community, importId, [first, clash])).rejects.toThrow();
    expect((await dirA().of(community)).school(first._id)?.name).toBe('导入小学');
    await within(1000, async () => expect((await dirB().of(community)).school(first._id)).toBeDefined());
    await schools.deleteByImport(community, importId);
    expect((await dirA().of(community)).school(first._id)).toBeUndefined();

    const user = { _id: new Types.ObjectId(), username: 'import.wang', displayName: '王导入', roles: [Role.TEACHER] };
    await t.app
      .get(UserRepository)
      .insertForImport(community, importId, [
        { ...user, subjects: [], passwordHash: 'x' } as unknown as User & { passwordHash: string },
      ]);
    expect((await dirA().of(community)).displayName(user._id)).toBe('王导入');
    await t.app.get(UserRepository).deleteByImport(community, importId);
    expect((await dirA().of(community)).user(user._id)).toBeUndefined();
    await within(1000, async () => expect((await dirB().of(community)).user(user._id)).toBeUndefined());
  });

  it('sees writes made directly on the models (seeder, specs) at once', async () => {
    const rooms = t.app.get<Model<Classroom>>(getModelToken(Classroom.name));
    await dirA().of(community);
    await rooms.updateOne({ _id: room201 }, { $set: { name: '教学点 201（新）' } });
    expect((await dirA().of(community)).classroomRefs([room201]).get(DEMO_IDS.rooms[201])?.name).toBe(
      '教学点 201（新）',
    );
    const added = await rooms.create({ communityId: community, schoolId: oid(DEMO_IDS.schools.urban), name: '新教室' });
    expect((await dirA().of(community)).classroom(added._id)?.name).toBe('新教室');
    await added.deleteOne();
    expect((await dirA().of(community)).classroom(added._id)).toBeUndefined();

    // The seeder's upsert (replaceOne by id alone) of an account, and an update of the community.
    const users = t.app.get(UserRepository);
    const li = await users.findForLogin('music.li');
    await dirA().activeUser(musicLi);
    await users.upsert({ ...li!, displayName: '李老师（种子）' });
    expect((await dirA().activeUser(musicLi))?.displayName).toBe('李老师（种子）');
    await dirA().community(community);
    await t.app.get(CommunityRepository).update(community, { name: '淇滨区城乡教共体（改）' });
    expect((await dirA().community(community))?.name).toBe('淇滨区城乡教共体（改）');
    await within(1000, async () => expect((await dirB().community(community))?.name).toBe('淇滨区城乡教共体（改）'));
  });

  it('keeps communities apart: a snapshot holds only its community, and lookups name it', async () => {
    const other = { community: new Types.ObjectId(), teacher: new Types.ObjectId() };
    await t.app.get<Model<Community>>(getModelToken(Community.name)).create({
      _id: other.community,
      name: '另一个教共体',
      kind: 'community',
      district: '鹤壁市淇滨区教育局',
    });
    await t.app.get<Model<User>>(getModelToken(User.name)).create({
      _id: other.teacher,
      communityId: other.community,
      username: 'other.teacher.dir',
      displayName: '别的老师',
      roles: ['teacher'],
      passwordHash: 'x',
    });
    expect((await dirA().of(community)).user(other.teacher)).toBeUndefined();
    expect((await dirA().of(other.community)).user(other.teacher)?.displayName).toBe('别的老师');
    expect((await dirA().of(other.community)).user(musicLi)).toBeUndefined();
    expect((await dirA().of(other.community)).classroom(room201)).toBeUndefined();
    await teacherFilter(t.app, other.teacher.toHexString()).expect(404);
  });

  it('drops everything when its subscription is back after a Redis reconnect (messages may have been missed)', async () => {
    const lonely = await startPeerApiApp(t.config, REDIS_DB.reconnectPeer);
    const redis = createClient({ url: t.config.redis.url });
    await redis.connect();
    try {
      const dir = lonely.get(OrgDirectory);
      const before = (await dir.of(community)).displayName(DEMO_IDS.users.englishZhao);
      // A write nobody hears of (the driver's collection, past the hooks): the kept snapshot stays as it was.
      await t.app
        .get<Model<User>>(getModelToken(User.name))
        .collection.updateOne({ _id: oid(DEMO_IDS.users.englishZhao) }, { $set: { displayName: '赵老师（漏）' } });
      expect((await dir.of(community)).displayName(DEMO_IDS.users.englishZhao)).toBe(before);
      // Cut the peer's subscriber connection (the only pub/sub client on its Redis db).
      const clients = (await redis.sendCommand(['CLIENT', 'LIST', 'TYPE', 'pubsub'])) as string;
      const ids = clients
        .split('\n')
        .filter((line) => line.includes(` db=${REDIS_DB.reconnectPeer} `))
        .map((line) => /\bid=(\d+)/.exec(line)?.[1])
        .filter((id): id is string => !!id);
      expect(ids).toHaveLength(1);
      await redis.sendCommand(['CLIENT', 'KILL', 'ID', ids[0]]);
      await within(3000, async () =>
        expect((await dir.of(community)).displayName(DEMO_IDS.users.englishZhao)).toBe('赵老师（漏）'),
      );
    } finally {
      await redis.quit();
      await lonely.close();
    }
  });
});
