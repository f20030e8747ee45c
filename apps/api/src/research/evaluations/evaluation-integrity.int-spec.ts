import type { EvaluationView, RubricView, TimedCommentView } from '@tongke/contracts';
import { Types } from 'mongoose';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { LiveSessionRepository } from '../../live/repositories/live-session.repository';
import { DEMO } from '../../org/testing/org-test.support';
import { EvaluationRepository } from './evaluation.repository';
import { EvaluationsService } from './evaluations.service';
import { ART_CHEN, insertActivity, insertGroup } from './testing/evaluation-test.support';

const communityId = new Types.ObjectId(DEMO.community);

// Who may score, concurrent first saves, the activity's rubric for district admins, and how
// timed comments are timed and tied to the session they were made on.
describe(EvaluationsService.name, () => {
  let t: ApiTestApp;
  let groupId: string;
  const auth = new Map<string, string>();
  const as = (user: string) => ({ Authorization: `Bearer ${auth.get(user)}` });
  const url = (id: string, path: string) => `/api/research/activities/${id}/${path}`;
  const save = (user: string, id: string, body: object) =>
    t.http.put(url(id, 'evaluations/mine')).set(as(user)).send(body);
  const comment = (user: string, id: string, body: object) => t.http.post(url(id, 'comments')).set(as(user)).send(body);

  /** A live session led by english.zhao, linked to the activity (english.zhao teaches it). */
  async function linkSession(activityId: string): Promise<Types.ObjectId> {
    const lesson = { title: '课', subject: 'music', grade: 4, classroomIds: [DEMO.classroom.tanghe] };
    const created = await t.http.post('/api/live-sessions').set(as('english.zhao')).send(lesson).expect(201);
    await t.http
      .patch(`/api/research/activities/${activityId}`)
      .set(as('english.zhao'))
      .send({ sessionId: created.body.id })
      .expect(200);
    return new Types.ObjectId(created.body.id as string);
  }

  beforeAll(async () => {
    t = await startApiTestApp(83);
    for (const u of ['music.li', 'english.zhao', 'art.chen', 'district.zhou', 'admin']) auth.set(u, await t.login(u));
    groupId = await insertGroup(t, DEMO.user.musicLi, [
      { userId: DEMO.user.englishZhao, role: 'member' },
      { userId: ART_CHEN, role: 'observer' },
    ]);
  });

  afterAll(async () => {
    await t.close();
  });

  it('refuses the teacher of the lesson scoring it (403), and lets the others score', async () => {
    const id = await insertActivity(t, groupId, DEMO.user.englishZhao);
    const own = await save('english.zhao', id, { mode: 'live', scores: { 'goals-clear': 8 } }).expect(403);
    expect(own.body.message).toBe('the teacher of the lesson cannot evaluate their own lesson');
    await save('music.li', id, { mode: 'live', scores: { 'goals-clear': 8 } }).expect(200);
    expect(await t.app.get(EvaluationRepository).count(communityId, { activityId: new Types.ObjectId(id) })).toBe(1);
  });

  it('keeps one evaluation when an observer’s first saves arrive at once (no 500)', async () => {
    const id = await insertActivity(t, groupId, DEMO.user.englishZhao);
    const saves = await Promise.all(
      [6, 7, 8, 9, 5, 4].map((score) => save('art.chen', id, { mode: 'recording', scores: { 'goals-clear': score } })),
    );
    expect(saves.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const ids = new Set(saves.map((r) => (r.body as EvaluationView).id));
    expect(ids.size).toBe(1);
    const mine = (await t.http.get(url(id, 'evaluations')).set(as('art.chen')).expect(200)).body as EvaluationView[];
    expect(mine).toHaveLength(1);
  });

  it('retries a first save that loses the insert race to the unique index', async () => {
    const repo = t.app.get(EvaluationRepository);
    const observer = new Types.ObjectId(ART_CHEN);
    const changes = { rubricId: 'default', mode: 'live' as const, scores: {}, summary: '', submitted: false };
    for (let round = 0; round < 5; round++) {
      const activityId = new Types.ObjectId(await insertActivity(t, groupId, DEMO.user.englishZhao));
      const docs = await Promise.all(
        Array.from({ length: 8 }, () => repo.save(communityId, activityId, observer, changes)),
      );
      expect(new Set(docs.map((d) => d._id.toHexString())).size).toBe(1);
    }
  });

  it('answers the activity’s rubric to whoever reads the activity, district admins included', async () => {
    const rubric = {
      name: '自定评价表',
      dimensions: [
        { key: 'all', name: '总体', weight: 100, items: [{ key: 'overall', name: '总体评价', maxScore: 10 }] },
      ],
    };
    const created = (await t.http.post('/api/research/rubrics').set(as('admin')).send(rubric).expect(201))
      .body as RubricView;
    const id = await insertActivity(t, groupId, DEMO.user.englishZhao, { rubricId: created.id });
    // The district admin has no community of their own: the rubric list of "their community" can't find it.
    await t.http.get(`/api/research/rubrics/${created.id}`).set(as('district.zhou')).expect(404);
    const seen = (await t.http.get(url(id, 'rubric')).set(as('district.zhou')).expect(200)).body as RubricView;
    expect(seen).toMatchObject({ id: created.id, name: '自定评价表', builtIn: false });
    const byObserver = (await t.http.get(url(id, 'rubric')).set(as('art.chen')).expect(200)).body as RubricView;
    expect(byObserver.id).toBe(created.id);
    const plain = await insertActivity(t, groupId, DEMO.user.englishZhao);
    const builtIn = (await t.http.get(url(plain, 'rubric')).set(as('music.li')).expect(200)).body as RubricView;
    expect(builtIn).toMatchObject({ id: 'default', builtIn: true });
    const outsider = await insertGroup(t, DEMO.user.englishZhao, []);
    const hidden = await insertActivity(t, outsider, DEMO.user.englishZhao);
    await t.http.get(url(hidden, 'rubric')).set(as('art.chen')).expect(404);
    await t.http.get(url(new Types.ObjectId().toHexString(), 'rubric')).set(as('admin')).expect(404);
  });

  describe('timed comments', () => {
    let id: string;
    let sessionId: Types.ObjectId;

    beforeAll(async () => {
      id = await insertActivity(t, groupId, DEMO.user.englishZhao);
    });

    it('keeps the client’s second before any session, and needs it then', async () => {
      const missing = await comment('art.chen', id, { text: '导入' }).expect(400);
      expect(missing.body.message).toContain('atS is required');
      const view = (await comment('art.chen', id, { atS: 30, text: '导入' }).expect(201)).body as TimedCommentView;
      expect(view.atS).toBe(30);
      expect(view.sessionId).toBeUndefined();
    });

    it('times comments by the server while the session is live, whatever the browser says', async () => {
      sessionId = await linkSession(id);
      const startedAt = new Date(Date.now() - 120_000);
      await t.app.get(LiveSessionRepository).markLive(communityId, sessionId, startedAt);
      const skewed = (await comment('art.chen', id, { atS: 5, text: '提问' }).expect(201)).body as TimedCommentView;
      expect(skewed.atS).toBeGreaterThanOrEqual(120);
      expect(skewed.atS).toBeLessThan(150);
      expect(skewed.sessionId).toBe(sessionId.toHexString());
      const untimed = (await comment('music.li', id, { text: '板书' }).expect(201)).body as TimedCommentView;
      expect(untimed.atS).toBeGreaterThanOrEqual(skewed.atS);
    });

    it('keeps the player time from the recording, within the recording’s length', async () => {
      const sessions = t.app.get(LiveSessionRepository);
      const started = (await sessions.findById(communityId, sessionId))!.startedAt!;
      await sessions.markEnded(communityId, sessionId, new Date(started.getTime() + 600_000), 'ended_by_teacher');
      const view = (await comment('art.chen', id, { atS: 42.5, text: '回放' }).expect(201)).body as TimedCommentView;
      expect(view).toMatchObject({ atS: 42.5, sessionId: sessionId.toHexString() });
      const past = await comment('art.chen', id, { atS: 601, text: '太晚' }).expect(400);
      expect(past.body.message).toContain('atS 601 is past the end of the recording (600 s)');
      await comment('art.chen', id, { atS: 600, text: '结尾' }).expect(201);
    });

    it('points every comment at its own session’s recording', async () => {
      const resourceId = new Types.ObjectId();
      await t.app.get(LiveSessionRepository).setResourceId(communityId, sessionId, resourceId);
      const list = (await t.http.get(url(id, 'comments')).set(as('music.li')).expect(200)).body as TimedCommentView[];
      const onSession = list.filter((c) => c.sessionId === sessionId.toHexString());
      expect(onSession.length).toBe(4);
      expect(onSession.every((c) => c.resourceId === resourceId.toHexString())).toBe(true);
      expect(list.find((c) => c.text === '导入')).not.toHaveProperty('resourceId');
    });

    it('refuses to replace the observed lesson by another session or none (409)', async () => {
      const other = await t.http
        .post('/api/live-sessions')
        .set(as('english.zhao'))
        .send({ title: '重上', subject: 'music', grade: 4, classroomIds: [DEMO.classroom.tanghe] })
        .expect(201);
      const activity = `/api/research/activities/${id}`;
      const relink = await t.http
        .patch(activity)
        .set(as('english.zhao'))
        .send({ sessionId: other.body.id })
        .expect(409);
      expect(relink.body.message).toContain(`observed on its session ${sessionId.toHexString()}`);
      await t.http.patch(activity).set(as('english.zhao')).send({ sessionId: null }).expect(409);
      const restart = { classroomIds: [DEMO.classroom.tanghe] };
      await t.http.post(`${activity}/lesson`).set(as('english.zhao')).send(restart).expect(409);
      const same = await t.http.patch(activity).set(as('english.zhao')).send({ sessionId: sessionId.toHexString() });
      expect(same.status).toBe(200);
      expect(same.body.sessionId).toBe(sessionId.toHexString());
    });
  });
});
