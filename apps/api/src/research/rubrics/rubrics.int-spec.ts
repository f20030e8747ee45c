import type { CreateRubricRequest, RubricView } from '@tongke/contracts';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { DEMO } from '../../org/testing/org-test.support';
import { insertActivity, insertGroup } from '../evaluations/testing/evaluation-test.support';
import { RubricsController } from './rubrics.controller';

const item = (key: string, maxScore = 10, minScore = 0) => ({ key, name: `项 ${key}`, minScore, maxScore });
const valid = (): CreateRubricRequest => ({
  name: '音乐课评价表',
  dimensions: [
    { key: 'teach', name: '教', weight: 60, items: [item('t1'), item('t2', 5)] },
    { key: 'learn', name: '学', weight: 40, items: [item('l1', 20)] },
  ],
});

describe(RubricsController.name, () => {
  let t: ApiTestApp;
  const auth = new Map<string, string>();
  const as = (user: string) => ({ Authorization: `Bearer ${auth.get(user)}` });

  beforeAll(async () => {
    t = await startApiTestApp(60);
    for (const u of ['admin', 'research.sun', 'music.li', 'english.zhao', 'district.zhou'])
      auth.set(u, await t.login(u));
  });

  afterAll(async () => {
    await t.close();
  });

  const post = (user: string, body: object) => t.http.post('/api/research/rubrics').set(as(user)).send(body);

  it.each([
    [
      'weights summing to 90',
      (r: CreateRubricRequest) => (r.dimensions[1]!.weight = 30),
      'dimension weights must sum to 100',
    ],
    ['no dimensions', (r: CreateRubricRequest) => (r.dimensions = []), 'a rubric needs at least one dimension'],
    [
      'a dimension without items',
      (r: CreateRubricRequest) => (r.dimensions[0]!.items = []),
      'a dimension needs at least one item',
    ],
    [
      'duplicate dimension keys',
      (r: CreateRubricRequest) => (r.dimensions[1]!.key = 'teach'),
      'dimension keys must be unique',
    ],
    [
      'duplicate item keys',
      (r: CreateRubricRequest) => (r.dimensions[1]!.items[0]!.key = 't1'),
      'item keys must be unique',
    ],
    [
      'minScore equal to maxScore',
      (r: CreateRubricRequest) => (r.dimensions[0]!.items[0]!.minScore = 10),
      'minScore must be below maxScore',
    ],
    [
      'minScore above maxScore',
      (r: CreateRubricRequest) => (r.dimensions[0]!.items[1]!.minScore = 8),
      'minScore must be below maxScore',
    ],
  ])('refuses a rubric with %s, saying why (400)', async (_what, spoil, message) => {
    const body = valid();
    spoil(body);
    const res = await post('research.sun', body).expect(400);
    expect(res.body.message).toContain(message);
  });

  it('lets research officers and admins create rubrics, but not teachers who lead no group', async () => {
    const officer = await post('research.sun', valid()).expect(201);
    expect(officer.body).toMatchObject({ name: '音乐课评价表', builtIn: false, communityId: DEMO.community });
    await post('admin', { ...valid(), name: '管理员的表' }).expect(201);
    const refused = await post('english.zhao', valid()).expect(403);
    expect(refused.body.message).toContain('research group leads');
    await post('district.zhou', valid()).expect(403);
  });

  it('lets a group lead create a rubric', async () => {
    await insertGroup(t, DEMO.user.musicLi, []);
    const res = await post('music.li', { ...valid(), name: '组长的表' }).expect(201);
    expect(res.body.dimensions).toEqual(valid().dimensions);
  });

  it('lists the built-in rubric first, then the community’s, and reads one by id', async () => {
    const list = (await t.http.get('/api/research/rubrics').set(as('english.zhao')).expect(200)).body as RubricView[];
    expect(list[0]).toMatchObject({ id: 'default', builtIn: true });
    expect(list.map((r) => r.name)).toEqual(expect.arrayContaining(['音乐课评价表', '组长的表']));
    const builtIn = await t.http.get('/api/research/rubrics/default').set(as('music.li')).expect(200);
    expect(builtIn.body.dimensions.reduce((s: number, d: { weight: number }) => s + d.weight, 0)).toBe(100);
    const own = list.find((r) => r.name === '组长的表')!;
    await t.http.get(`/api/research/rubrics/${own.id}`).set(as('english.zhao')).expect(200);
    await t.http.get(`/api/research/rubrics/${own.id}`).set(as('district.zhou')).expect(404);
    await t.http.get('/api/research/rubrics/nope').set(as('music.li')).expect(404);
  });

  it('lets the creator or an admin delete an unused rubric; refuses others and rubrics in use', async () => {
    const mine = (await post('research.sun', { ...valid(), name: '待删' }).expect(201)).body as RubricView;
    await t.http.delete(`/api/research/rubrics/${mine.id}`).set(as('music.li')).expect(403);
    await t.http.delete('/api/research/rubrics/default').set(as('admin')).expect(403);
    await t.http.delete(`/api/research/rubrics/${mine.id}`).set(as('research.sun')).expect(204);
    await t.http.get(`/api/research/rubrics/${mine.id}`).set(as('research.sun')).expect(404);

    const used = (await post('research.sun', { ...valid(), name: '在用' }).expect(201)).body as RubricView;
    // music.li teaches the lesson; the group's lead english.zhao scores it (a teacher can't score their own).
    const groupId = await insertGroup(t, DEMO.user.englishZhao, [{ userId: DEMO.user.musicLi, role: 'member' }]);
    const activityId = await insertActivity(t, groupId, DEMO.user.musicLi, { rubricId: used.id });
    await t.http
      .put(`/api/research/activities/${activityId}/evaluations/mine`)
      .set(as('english.zhao'))
      .send({ mode: 'recording', scores: { t1: 8 } })
      .expect(200);
    const refused = await t.http.delete(`/api/research/rubrics/${used.id}`).set(as('admin')).expect(409);
    expect(refused.body.message).toContain('used by evaluations');
  });
});
