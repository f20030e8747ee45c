import { getModelToken } from '@nestjs/mongoose';
import type { ResearchActivityView } from '@tongke/contracts';
import { type Model, Types } from 'mongoose';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { LiveSession } from '../../live/schemas/live-session.schema';
import { DEMO } from '../../org/testing/org-test.support';
import { EvaluationRepository } from '../evaluations/evaluation.repository';
import { insertGroup, signInOtherCommunity } from '../evaluations/testing/evaluation-test.support';
import { TimedCommentRepository } from '../evaluations/timed-comment.repository';
import { ActivitySessionLinks } from './activity-session-links.service';

const LOGINS = ['music.li', 'english.zhao', 'school.wang', 'admin'] as const;
type Login = (typeof LOGINS)[number] | 'other';
const communityId = new Types.ObjectId(DEMO.community);

// Starting sessions at once, who may manage a new activity, reflection conflicts, deleting with
// comments and drafts, and callers from another community.
describe(ActivitySessionLinks.name, () => {
  let t: ApiTestApp;
  let groupId: string;
  const tokens = new Map<Login, string>();
  const auth = (who: Login) => ({ Authorization: `Bearer ${tokens.get(who)}` });
  const url = (id: string, path = '') => `/api/research/activities/${id}${path}`;
  const create = async (who: Login, body: object = {}) => {
    const activity = {
      groupId,
      kind: 'lesson-study',
      title: `一课双研 ${new Types.ObjectId().toHexString()}`,
      subject: 'music',
      grade: 4,
      plannedAt: '2026-03-10T08:00:00+08:00',
      ...body,
    };
    return (await t.http.post('/api/research/activities').set(auth(who)).send(activity).expect(201))
      .body as ResearchActivityView;
  };
  const sessionsTitled = (title: string) =>
    t.app.get<Model<LiveSession>>(getModelToken(LiveSession.name)).countDocuments({ title }).exec();

  beforeAll(async () => {
    t = await startApiTestApp(82);
    for (const u of LOGINS) tokens.set(u, await t.login(u));
    tokens.set('other', await signInOtherCommunity(t));
    await t.publishNode('node-1', 0);
    groupId = await insertGroup(t, DEMO.user.musicLi, [
      { userId: DEMO.user.englishZhao, role: 'member' },
      { userId: DEMO.user.schoolWang, role: 'observer' },
    ]);
  });

  afterAll(async () => {
    await t.close();
  });

  it('starts one lesson when the teacher starts it from two tabs at once', async () => {
    const activity = await create('music.li');
    const body = { classroomIds: [DEMO.classroom.tanghe] };
    const starts = await Promise.all(
      [1, 2, 3].map(() => t.http.post(url(activity.id, '/lesson')).set(auth('music.li')).send(body)),
    );
    expect(starts.map((r) => r.status)).toEqual([201, 201, 201]);
    const ids = new Set(starts.map((r) => (r.body as ResearchActivityView).sessionId));
    expect(ids.size).toBe(1);
    expect(await sessionsTitled(activity.title)).toBe(1);
  });

  it('opens one meeting when two members start it at once; both get it', async () => {
    const activity = await create('music.li', { kind: 'meeting' });
    const starts = await Promise.all(
      (['music.li', 'english.zhao'] as const).map((who) =>
        t.http.post(url(activity.id, '/meeting')).set(auth(who)).send({}),
      ),
    );
    expect(starts.map((r) => r.status)).toEqual([201, 201]);
    expect(starts[0]!.body.sessionId).toBeDefined();
    expect(starts[1]!.body.sessionId).toBe(starts[0]!.body.sessionId);
    expect(await sessionsTitled(activity.title)).toBe(1);
  });

  it('tells the creator whether they may manage the new activity (its teacher, or managing the group)', async () => {
    const forLead = await create('english.zhao', { teacherId: DEMO.user.musicLi });
    expect(forLead.canManage).toBe(false);
    await t.http.patch(url(forLead.id)).set(auth('english.zhao')).send({ title: '改' }).expect(403);
    expect((await create('english.zhao')).canManage).toBe(true);
    expect((await create('music.li', { teacherId: DEMO.user.englishZhao })).canManage).toBe(true);
  });

  it('refuses a reflection written over one the writer had not loaded (409)', async () => {
    const activity = await create('music.li', { teacherId: DEMO.user.englishZhao });
    const reflect = (who: Login, body: object) => t.http.put(url(activity.id, '/reflection')).set(auth(who)).send(body);
    const first = (await reflect('english.zhao', { text: '第一稿', baseAt: null }).expect(200))
      .body as ResearchActivityView;
    // The lead loaded the page before the teacher saved: nothing was there.
    const stale = await reflect('music.li', { text: '组长稿', baseAt: null }).expect(409);
    expect(stale.body.message).toContain('changed by someone else since you loaded it');
    const at = first.reflection!.at;
    const second = (await reflect('music.li', { text: '组长稿', baseAt: at }).expect(200)).body as ResearchActivityView;
    expect(second.reflection).toMatchObject({ text: '组长稿', by: { id: DEMO.user.musicLi } });
    await reflect('english.zhao', { text: '覆盖', baseAt: at }).expect(409);
    await reflect('english.zhao', { text: '覆盖', baseAt: 'yesterday' }).expect(400);
    // Without baseAt the last writer wins, as before.
    await reflect('english.zhao', { text: '覆盖' }).expect(200);
  });

  it('deletes the activity’s timed comments and evaluation drafts with it; keeps it while submitted', async () => {
    const activity = await create('music.li', { teacherId: DEMO.user.englishZhao });
    const activityId = new Types.ObjectId(activity.id);
    await t.http
      .post(url(activity.id, '/comments'))
      .set(auth('school.wang'))
      .send({ atS: 3, text: '导入' })
      .expect(201);
    await t.http
      .put(url(activity.id, '/evaluations/mine'))
      .set(auth('school.wang'))
      .send({ mode: 'live', scores: { 'goals-clear': 8 } })
      .expect(200);
    await t.http.delete(url(activity.id)).set(auth('music.li')).expect(204);
    expect(await t.app.get(TimedCommentRepository).count(communityId, { activityId })).toBe(0);
    expect(await t.app.get(EvaluationRepository).count(communityId, { activityId })).toBe(0);

    const kept = await create('music.li', { teacherId: DEMO.user.englishZhao });
    const keptId = new Types.ObjectId(kept.id);
    await t.app.get(EvaluationRepository).save(communityId, keptId, new Types.ObjectId(DEMO.user.schoolWang), {
      rubricId: 'default',
      mode: 'live',
      scores: {},
      summary: '',
      submitted: true,
      submittedAt: new Date(),
    });
    const refused = await t.http.delete(url(kept.id)).set(auth('music.li')).expect(409);
    expect(refused.body.message).toContain('has 1 evaluation(s)');
  });

  it('answers 404 to a caller of another community, for every activity route', async () => {
    const activity = await create('music.li', { kind: 'meeting' });
    const other = auth('other');
    await t.http.get(url(activity.id)).set(other).expect(404);
    await t.http.patch(url(activity.id)).set(other).send({ title: 'x' }).expect(404);
    await t.http.delete(url(activity.id)).set(other).expect(404);
    await t.http.put(url(activity.id, '/reflection')).set(other).send({ text: 'x' }).expect(404);
    await t.http.post(url(activity.id, '/meeting')).set(other).send({}).expect(404);
    await t.http.get(url(activity.id, '/rubric')).set(other).expect(404);
    await t.http.get(url(activity.id, '/comments')).set(other).expect(404);
    await t.http.get(`/api/research/activities?groupId=${groupId}`).set(other).expect(404);
    const body = { groupId, kind: 'meeting', title: '外区', subject: 'music', grade: 4, plannedAt: activity.plannedAt };
    await t.http.post('/api/research/activities').set(other).send(body).expect(404);
    expect((await t.http.get('/api/research/activities').set(other).expect(200)).body).toEqual([]);
  });
});
