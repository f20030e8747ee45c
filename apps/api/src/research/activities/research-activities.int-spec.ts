import { randomUUID } from 'node:crypto';
import { getModelToken } from '@nestjs/mongoose';
import type { LiveSessionView, ResearchActivityView } from '@tongke/contracts';
import { type Model, Types } from 'mongoose';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { LiveSessionRepository } from '../../live/repositories/live-session.repository';
import { DEMO } from '../../org/testing/org-test.support';
import { EvaluationRepository } from '../evaluations/evaluation.repository';
import { ResearchGroup } from '../groups/research-group.schema';
import { LessonPlan } from '../plans/lesson-plan.schema';
import { ResearchActivitiesService } from './research-activities.service';

const ART_CHEN = '74e9c000000000000000012f';
const LOGINS = ['music.li', 'english.zhao', 'art.chen', 'school.wang', 'admin', 'research.sun'] as const;
type Login = (typeof LOGINS)[number];

describe(ResearchActivitiesService.name, () => {
  let t: ApiTestApp;
  const tokens = new Map<string, string>();
  let groupId: string;
  let otherGroupId: string;
  let planId: string;
  let otherPlanId: string;

  const auth = (who: Login) => ({ Authorization: `Bearer ${tokens.get(who)}` });
  const api = {
    get: (who: Login, url: string) => t.http.get(url).set(auth(who)),
    post: (who: Login, url: string, body: object) => t.http.post(url).set(auth(who)).send(body),
    patch: (who: Login, url: string, body: object) => t.http.patch(url).set(auth(who)).send(body),
    put: (who: Login, url: string, body: object) => t.http.put(url).set(auth(who)).send(body),
    delete: (who: Login, url: string) => t.http.delete(url).set(auth(who)),
  };
  const base = () => ({
    groupId,
    kind: 'lesson-study',
    title: '《茉莉花》一课双研',
    topic: '茉莉花',
    subject: 'music',
    grade: 4,
    plannedAt: '2026-03-10T08:00:00+08:00',
  });
  const create = async (who: Login, body: object = {}) =>
    (await api.post(who, '/api/research/activities', { ...base(), ...body }).expect(201)).body as ResearchActivityView;
  const stage = (view: ResearchActivityView, name: string) => view.stages.find((s) => s.stage === name);
  const event = (sessionId: string, body: object) =>
    t.http
      .post(`/api/internal/live-sessions/${sessionId}/events`)
      .set('Authorization', `Bearer ${t.serviceToken('node-1')}`)
      .send({ eventId: randomUUID(), ...body })
      .expect(201);

  beforeAll(async () => {
    t = await startApiTestApp(57);
    for (const u of LOGINS) tokens.set(u, await t.login(u));
    const groups = t.app.get<Model<ResearchGroup>>(getModelToken(ResearchGroup.name));
    const plans = t.app.get<Model<LessonPlan>>(getModelToken(LessonPlan.name));
    const oid = (id: string) => new Types.ObjectId(id);
    const joinedAt = new Date();
    const group = await groups.create({
      communityId: oid(DEMO.community),
      kind: 'studio',
      name: '李静名师工作室',
      leadId: oid(DEMO.user.musicLi),
      members: [
        { userId: oid(DEMO.user.musicLi), role: 'lead', joinedAt },
        { userId: oid(DEMO.user.englishZhao), role: 'member', joinedAt },
        { userId: oid(DEMO.user.schoolWang), role: 'observer', joinedAt },
      ],
    });
    const other = await groups.create({
      communityId: oid(DEMO.community),
      kind: 'group',
      name: '美术教研组',
      leadId: oid(ART_CHEN),
      members: [{ userId: oid(ART_CHEN), role: 'lead', joinedAt }],
    });
    groupId = group._id.toHexString();
    otherGroupId = other._id.toHexString();
    const plan = { communityId: oid(DEMO.community), subject: 'music', grade: 4, authorId: oid(DEMO.user.musicLi) };
    planId = (await plans.create({ ...plan, groupId: group._id, title: '《茉莉花》教案' }))._id.toHexString();
    otherPlanId = (await plans.create({ ...plan, groupId: other._id, title: '美术教案' }))._id.toHexString();
  });

  afterAll(async () => {
    await t.close();
  });

  describe('creating and listing', () => {
    it('creates an activity for the caller, with every stage pending', async () => {
      const view = await create('english.zhao');
      expect(view).toMatchObject({
        groupId,
        groupName: '李静名师工作室',
        kind: 'lesson-study',
        title: '《茉莉花》一课双研',
        topic: '茉莉花',
        teacher: { id: DEMO.user.englishZhao, name: '赵敏（英语）' },
        plannedAt: '2026-03-10T00:00:00.000Z',
        evaluationCount: 0,
        canManage: true,
      });
      expect(view.stages.map((s) => [s.stage, s.status])).toEqual([
        ['plan', 'pending'],
        ['teach', 'pending'],
        ['record', 'pending'],
        ['observe', 'pending'],
        ['reflect', 'pending'],
      ]);
    });

    it('links a plan of the group and names another teacher of the group', async () => {
      const view = await create('music.li', { teacherId: DEMO.user.englishZhao, planId, title: '英语同课异构' });
      expect(view).toMatchObject({ planId, planTitle: '《茉莉花》教案', teacher: { id: DEMO.user.englishZhao } });
      expect(stage(view, 'plan')).toMatchObject({ status: 'done', detail: '《茉莉花》教案' });
      expect(stage(view, 'plan')?.at).toBeDefined();
    });

    it('lists a group by date range and topic, and every readable group without groupId', async () => {
      await create('music.li', { title: '四月活动', topic: '春晓', plannedAt: '2026-04-02T08:00:00+08:00' });
      const march = await api
        .get(
          'music.li',
          `/api/research/activities?groupId=${groupId}&from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z`,
        )
        .expect(200);
      expect((march.body as ResearchActivityView[]).every((a) => a.plannedAt.startsWith('2026-03'))).toBe(true);
      expect((march.body as ResearchActivityView[]).length).toBeGreaterThanOrEqual(2);
      const topic = await api.get('research.sun', `/api/research/activities?topic=${encodeURIComponent('春晓')}`);
      expect((topic.body as ResearchActivityView[]).map((a) => a.title)).toEqual(['四月活动']);
      const all = (await api.get('english.zhao', '/api/research/activities').expect(200))
        .body as ResearchActivityView[];
      expect(all.length).toBeGreaterThanOrEqual(3);
      expect(all.every((a) => a.groupId === groupId)).toBe(true);
      expect(all.find((a) => a.title === '四月活动')?.canManage).toBe(false);
      expect((await api.get('art.chen', '/api/research/activities').expect(200)).body).toEqual([]);
    });
  });

  describe('validation', () => {
    it('refuses bad ids, unknown kinds and missing titles with 400', async () => {
      await api.post('music.li', '/api/research/activities', { ...base(), groupId: 'nope' }).expect(400);
      await api.post('music.li', '/api/research/activities', { ...base(), kind: 'party' }).expect(400);
      const res = await api.post('music.li', '/api/research/activities', { ...base(), title: ' ' }).expect(400);
      expect(res.body.message).toMatch(/title/);
      await api.post('music.li', '/api/research/activities', { ...base(), extra: 1 }).expect(400);
      await api.get('music.li', '/api/research/activities/not-an-id').expect(400);
      await api.get('music.li', '/api/research/activities?groupId=zzz').expect(400);
      await api.get('music.li', '/api/research/activities?from=yesterday').expect(400);
    });

    it('refuses a plan of another group and a teacher who is not a lead or member', async () => {
      const plan = await api.post('music.li', '/api/research/activities', { ...base(), planId: otherPlanId });
      expect(plan.status).toBe(400);
      expect(plan.body.message).toMatch(/planId .* is not a lesson plan of this group/);
      const observer = await api.post('music.li', '/api/research/activities', {
        ...base(),
        teacherId: DEMO.user.schoolWang,
      });
      expect(observer.status).toBe(400);
      expect(observer.body.message).toMatch(/teacherId .* is not a lead or member/);
      await api.post('music.li', '/api/research/activities', { ...base(), teacherId: ART_CHEN }).expect(400);
      await api.post('music.li', '/api/research/activities', { ...base(), rubricId: 'no-such-rubric' }).expect(400);
    });
  });

  describe('permissions', () => {
    let activity: ResearchActivityView;
    beforeAll(async () => {
      activity = await create('music.li', { teacherId: DEMO.user.englishZhao });
    });

    it('hides activities and groups from non-members (404)', async () => {
      await api.get('art.chen', `/api/research/activities/${activity.id}`).expect(404);
      await api.get('art.chen', `/api/research/activities?groupId=${groupId}`).expect(404);
      await api.post('art.chen', '/api/research/activities', base()).expect(404);
      await api.patch('art.chen', `/api/research/activities/${activity.id}`, { title: 'x' }).expect(404);
      await api.get('music.li', `/api/research/activities?groupId=${otherGroupId}`).expect(404);
    });

    it('lets observers read but not create, change or reflect (403)', async () => {
      const view = (await api.get('school.wang', `/api/research/activities/${activity.id}`).expect(200)).body;
      expect(view.canManage).toBe(false);
      await api.post('school.wang', '/api/research/activities', base()).expect(403);
      await api.patch('school.wang', `/api/research/activities/${activity.id}`, { title: 'x' }).expect(403);
      await api.put('school.wang', `/api/research/activities/${activity.id}/reflection`, { text: 'x' }).expect(403);
      await api.delete('school.wang', `/api/research/activities/${activity.id}`).expect(403);
      await api.post('research.sun', '/api/research/activities', base()).expect(403);
    });

    it('lets the lead, the teacher and admins manage; other members only read', async () => {
      const other = await create('english.zhao', { teacherId: DEMO.user.musicLi });
      await api.patch('english.zhao', `/api/research/activities/${other.id}`, { title: '改' }).expect(403);
      const byLead = await api.patch('music.li', `/api/research/activities/${activity.id}`, { title: '组长改' });
      expect(byLead.status).toBe(200);
      expect(byLead.body).toMatchObject({ title: '组长改', canManage: true });
      await api.patch('english.zhao', `/api/research/activities/${activity.id}`, { topic: '新课题' }).expect(200);
      await api.patch('admin', `/api/research/activities/${activity.id}`, { plannedAt: '2026-05-01T08:00:00Z' });
      const view = (await api.get('admin', `/api/research/activities/${activity.id}`).expect(200)).body;
      expect(view).toMatchObject({ title: '组长改', topic: '新课题', plannedAt: '2026-05-01T08:00:00.000Z' });
      await api.delete('admin', `/api/research/activities/${other.id}`).expect(204);
      await api.get('music.li', `/api/research/activities/${other.id}`).expect(404);
    });
  });

  describe('the lesson, its recording, evaluations and reflection', () => {
    let activity: ResearchActivityView;
    let sessionId: string;

    beforeAll(async () => {
      activity = await create('music.li', { planId });
    });

    it('lets only the teacher start the lesson, an instant lesson to the classrooms titled after the activity', async () => {
      const body = { classroomIds: [DEMO.classroom.tanghe, DEMO.classroom.shilin] };
      await api.post('english.zhao', `/api/research/activities/${activity.id}/lesson`, body).expect(403);
      await api.post('music.li', `/api/research/activities/${activity.id}/lesson`, { classroomIds: [] }).expect(400);
      const view = (await api.post('music.li', `/api/research/activities/${activity.id}/lesson`, body).expect(201))
        .body as ResearchActivityView;
      expect(view.sessionId).toBeDefined();
      sessionId = view.sessionId as string;
      expect(view.sessionStatus).toBe('scheduled');
      const session = (await api.get('music.li', `/api/live-sessions/${sessionId}`).expect(200))
        .body as LiveSessionView;
      expect(session).toMatchObject({ kind: 'instant', title: activity.title, subject: 'music', grade: 4, open: true });
      expect(session.classrooms.map((c) => c.id).sort()).toEqual([DEMO.classroom.tanghe, DEMO.classroom.shilin].sort());
      // Starting it again (another tab) answers the lesson already linked.
      const again = await api.post('music.li', `/api/research/activities/${activity.id}/lesson`, body).expect(201);
      expect(again.body.sessionId).toBe(sessionId);
    });

    it('lets group members join the lesson as observers', async () => {
      await t.publishNode('node-1', 0);
      const res = await api.post('english.zhao', `/api/live-sessions/${sessionId}/join`, { as: 'observer' });
      expect(res.status).toBe(200);
      expect(res.body.role).toBe('observer');
    });

    it('follows the lesson on the timeline: live, ended, recorded', async () => {
      const url = `/api/research/activities/${activity.id}`;
      await event(sessionId, { type: 'session.started', at: new Date().toISOString(), mediaNodeId: 'node-1' });
      let view = (await api.get('english.zhao', url).expect(200)).body as ResearchActivityView;
      expect(view.sessionStatus).toBe('live');
      expect(stage(view, 'teach')).toMatchObject({ status: 'active', detail: 'live' });
      await event(sessionId, { type: 'session.ended', at: new Date().toISOString(), reason: 'ended_by_teacher' });
      view = (await api.get('english.zhao', url).expect(200)).body as ResearchActivityView;
      expect(stage(view, 'teach')).toMatchObject({ status: 'done', detail: 'ended' });
      expect(stage(view, 'record')).toMatchObject({ status: 'active', detail: 'processing' });
      const resourceId = new Types.ObjectId();
      const communityId = new Types.ObjectId(DEMO.community);
      await t.app.get(LiveSessionRepository).setResourceId(communityId, new Types.ObjectId(sessionId), resourceId);
      view = (await api.get('english.zhao', url).expect(200)).body as ResearchActivityView;
      expect(view.resourceId).toBe(resourceId.toHexString());
      expect(stage(view, 'record')?.status).toBe('done');
    });

    it('counts submitted evaluations only', async () => {
      const evaluations = t.app.get(EvaluationRepository);
      const communityId = new Types.ObjectId(DEMO.community);
      const id = new Types.ObjectId(activity.id);
      const scores = { rubricId: 'default', mode: 'recording' as const, scores: {}, summary: '' };
      const submittedAt = new Date('2026-03-10T09:00:00Z');
      await evaluations.save(communityId, id, new Types.ObjectId(DEMO.user.englishZhao), {
        ...scores,
        submitted: true,
        submittedAt,
      });
      await evaluations.save(communityId, id, new Types.ObjectId(DEMO.user.schoolWang), {
        ...scores,
        submitted: false,
      });
      const view = (await api.get('music.li', `/api/research/activities/${activity.id}`).expect(200)).body;
      expect(view.evaluationCount).toBe(1);
      expect(stage(view, 'observe')).toEqual({
        stage: 'observe',
        status: 'done',
        detail: '1',
        at: submittedAt.toISOString(),
      });
      const list = (await api.get('music.li', `/api/research/activities?groupId=${groupId}`).expect(200)).body;
      expect(list.find((a: ResearchActivityView) => a.id === activity.id).evaluationCount).toBe(1);
      await api.delete('music.li', `/api/research/activities/${activity.id}`).expect(409);
    });

    it('saves the reflection of the teacher or the lead', async () => {
      const url = `/api/research/activities/${activity.id}/reflection`;
      await api.put('english.zhao', url, { text: '成员不能写' }).expect(403);
      await api.put('music.li', url, { text: '' }).expect(400);
      const view = (await api.put('music.li', url, { text: '学生参与度高，节奏可再紧凑。' }).expect(200))
        .body as ResearchActivityView;
      expect(view.reflection).toMatchObject({ text: '学生参与度高，节奏可再紧凑。', by: { id: DEMO.user.musicLi } });
      expect(view.stages.map((s) => s.status)).toEqual(['done', 'done', 'done', 'done', 'done']);
    });
  });

  describe('linking existing sessions', () => {
    it("refuses another teacher's session and accepts the teacher's own", async () => {
      const activity = await create('music.li');
      const lesson = (body: object) => ({ title: '课', subject: 'music', grade: 4, ...body });
      const zhao = await api
        .post('english.zhao', '/api/live-sessions', lesson({ classroomIds: [DEMO.classroom.tanghe] }))
        .expect(201);
      const res = await api.patch('music.li', `/api/research/activities/${activity.id}`, { sessionId: zhao.body.id });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/led by the activity's teacher/);
      await api
        .patch('music.li', `/api/research/activities/${activity.id}`, { sessionId: new Types.ObjectId().toHexString() })
        .expect(400);
      const own = await api
        .post('music.li', '/api/live-sessions', lesson({ classroomIds: [DEMO.classroom.tanghe] }))
        .expect(201);
      const linked = await api.patch('music.li', `/api/research/activities/${activity.id}`, { sessionId: own.body.id });
      expect(linked.status).toBe(200);
      expect(linked.body).toMatchObject({ sessionId: own.body.id, sessionStatus: 'scheduled' });
      const unlinked = await api.patch('music.li', `/api/research/activities/${activity.id}`, { sessionId: null });
      expect(unlinked.body.sessionId).toBeUndefined();
    });
  });

  describe('online meetings (网络教研)', () => {
    it('lets a member host the meeting of a meeting activity, with the group members in it', async () => {
      const activity = await create('music.li', { kind: 'meeting', title: '网络教研：茉莉花' });
      const lessonStudy = await create('music.li');
      await api.post('music.li', `/api/research/activities/${lessonStudy.id}/meeting`, {}).expect(400);
      await api.post('school.wang', `/api/research/activities/${activity.id}/meeting`, {}).expect(403);
      await api.post('art.chen', `/api/research/activities/${activity.id}/meeting`, {}).expect(404);
      const view = (await api.post('english.zhao', `/api/research/activities/${activity.id}/meeting`, {}).expect(201))
        .body as ResearchActivityView;
      expect(view.sessionId).toBeDefined();
      const session = (await api.get('english.zhao', `/api/live-sessions/${view.sessionId}`).expect(200))
        .body as LiveSessionView;
      expect(session).toMatchObject({
        kind: 'meeting',
        title: '网络教研：茉莉花',
        leadTeacher: { id: DEMO.user.englishZhao },
      });
      const join = await api.post('music.li', `/api/live-sessions/${view.sessionId}/join`, {}).expect(200);
      expect(join.body.role).toBe('member');
      // The group's observer observes; a teacher outside the group may not look in.
      const observed = await api.post('school.wang', `/api/live-sessions/${view.sessionId}/join`, {}).expect(200);
      expect(observed.body.role).toBe('observer');
      await api.post('art.chen', `/api/live-sessions/${view.sessionId}/join`, {}).expect(403);
      const again = await api.post('music.li', `/api/research/activities/${activity.id}/meeting`, {}).expect(201);
      expect(again.body.sessionId).toBe(view.sessionId);
    });
  });
});
