import type {
  ErrorBody,
  GroupCandidateView,
  JoinLessonResponse,
  LessonPlanView,
  LiveSessionView,
  ResearchActivityView,
  ResearchGroupView,
} from '@tongke/contracts';
import { Types } from 'mongoose';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import {
  createResource,
  otherDistrictTeacher,
  publish,
  sameDistrictTeacher,
  type Outsider,
} from '../../library/resources/testing/library-test.support';
import { LiveSessionRepository } from '../../live/repositories/live-session.repository';
import { DEMO } from '../../org/testing/org-test.support';
import { DEMO_COMMUNITY } from '../../seed/demo-district.data';
import { ResearchGroupsService } from './research-groups.service';

const LOGINS = ['admin', 'music.li', 'school.wang'];

describe(`${ResearchGroupsService.name} across the district`, () => {
  let t: ApiTestApp;
  let neighbour: Outsider;
  let stranger: Outsider;
  const auth = new Map<string, { Authorization: string }>();
  const as = (who: string) => auth.get(who)!;

  beforeAll(async () => {
    t = await startApiTestApp(86);
    neighbour = await sameDistrictTeacher(t, DEMO_COMMUNITY.district);
    stranger = await otherDistrictTeacher(t);
    for (const u of LOGINS) auth.set(u, { Authorization: `Bearer ${await t.login(u)}` });
    await t.publishNode('node-1', 0); // meetings are placed on a media node at the first join
  });

  afterAll(async () => {
    await t.close();
  });

  let counter = 0;
  async function createGroup(who: string, body: object = {}): Promise<ResearchGroupView> {
    counter += 1;
    const res = await t.http
      .post('/api/research/groups')
      .set(as(who))
      .send({ name: `区级工作室 ${counter}`, kind: 'studio', subject: 'music', grades: [4], ...body });
    expect(res.status).toBe(201);
    return res.body as ResearchGroupView;
  }

  it('offers the district’s other communities’ people as candidates, never another district’s', async () => {
    const res = await t.http.get('/api/research/groups/candidates').set(as('music.li')).expect(200);
    const people = res.body as GroupCandidateView[];
    expect(people[0].communityId).toBe(DEMO.community);
    expect(people.find((p) => p.id === neighbour.userId)).toMatchObject({
      communityId: neighbour.communityId,
      communityName: expect.stringContaining('邻近联盟'),
      schoolName: '邻校小学',
      canEdit: true,
    });
    expect(people.find((p) => p.id === DEMO.user.assistantLiu)).toMatchObject({ canEdit: false });
    expect(people.map((p) => p.id)).not.toContain(stranger.userId);
    // The neighbour (a future lead) lists the same people for the group's community.
    const forGroup = await t.http
      .get(`/api/research/groups/candidates?communityId=${DEMO.community}`)
      .set(neighbour.auth)
      .expect(200);
    expect((forGroup.body as GroupCandidateView[]).map((p) => p.id)).toContain(DEMO.user.musicLi);
    await t.http
      .get(`/api/research/groups/candidates?communityId=${stranger.communityId}`)
      .set(neighbour.auth)
      .expect(403);
  });

  it('lets a member from another community of the district read and edit the group’s plans', async () => {
    const group = await createGroup('music.li', { members: [{ userId: neighbour.userId, role: 'member' }] });
    expect(group.members.find((m) => m.userId === neighbour.userId)).toMatchObject({
      name: '邻校老师',
      schoolName: '邻校小学',
      role: 'member',
    });
    const mine = await t.http.get('/api/research/groups').set(neighbour.auth).expect(200);
    expect((mine.body as ResearchGroupView[]).map((g) => g.id)).toContain(group.id);
    const seen = await t.http.get(`/api/research/groups/${group.id}`).set(neighbour.auth).expect(200);
    expect(seen.body).toMatchObject({ communityId: DEMO.community, myRole: 'member', canManage: false });

    const plan = await t.http
      .post('/api/research/plans')
      .set(as('music.li'))
      .send({ groupId: group.id, title: '《茉莉花》', subject: 'music', grade: 4 })
      .expect(201);
    const planId = (plan.body as LessonPlanView).id;
    const list = await t.http.get(`/api/research/plans?groupId=${group.id}`).set(neighbour.auth).expect(200);
    expect((list.body as LessonPlanView[]).map((p) => p.id)).toEqual([planId]);
    const changed = await t.http
      .patch(`/api/research/plans/${planId}`)
      .set(neighbour.auth)
      .send({ topic: '民歌欣赏' })
      .expect(200);
    expect(changed.body).toMatchObject({ topic: '民歌欣赏', access: 'edit' });
    await t.http
      .post('/api/research/plans')
      .set(neighbour.auth)
      .send({ groupId: group.id, title: '邻校的教案', subject: 'music', grade: 4 })
      .expect(201);
  });

  it('lets a neighbour join later and lead; an observer from there only reads', async () => {
    const group = await createGroup('music.li');
    const url = `/api/research/groups/${group.id}`;
    await t.http.get(url).set(neighbour.auth).expect(404);
    await t.http.put(`${url}/members/${neighbour.userId}`).set(as('music.li')).send({ role: 'observer' }).expect(200);
    const plan = await t.http
      .post('/api/research/plans')
      .set(as('music.li'))
      .send({ groupId: group.id, title: '观察用教案', subject: 'music', grade: 4 })
      .expect(201);
    const planId = (plan.body as LessonPlanView).id;
    await t.http.get(`/api/research/plans/${planId}`).set(neighbour.auth).expect(200);
    await t.http.patch(`/api/research/plans/${planId}`).set(neighbour.auth).send({ topic: 'x' }).expect(403);
    const led = await t.http.patch(url).set(as('admin')).send({ leadId: neighbour.userId }).expect(200);
    expect((led.body as ResearchGroupView).lead).toEqual({ id: neighbour.userId, name: '邻校老师' });
    const asLead = await t.http.get(url).set(neighbour.auth).expect(200);
    expect(asLead.body).toMatchObject({ myRole: 'lead', canManage: true });
  });

  async function meetingActivity(groupId: string, auth: { Authorization: string }): Promise<ResearchActivityView> {
    const body = { groupId, kind: 'meeting', title: '跨校网络教研', subject: 'music', grade: 4 };
    const res = await t.http
      .post('/api/research/activities')
      .set(auth)
      .send({ ...body, plannedAt: '2026-03-10T08:00:00+08:00' })
      .expect(201);
    return res.body as ResearchActivityView;
  }

  /** Opens the activity's meeting as `host`; answers its live session's id. */
  async function startMeeting(activityId: string, host: { Authorization: string }): Promise<string> {
    const res = await t.http.post(`/api/research/activities/${activityId}/meeting`).set(host).send({}).expect(201);
    return (res.body as ResearchActivityView).sessionId!;
  }

  it('lists a neighbour’s activities with their names and brings them into the group’s meeting', async () => {
    const group = await createGroup('music.li', { members: [{ userId: neighbour.userId, role: 'member' }] });
    const activity = await meetingActivity(group.id, neighbour.auth);
    expect(activity.teacher).toEqual({ id: neighbour.userId, name: '邻校老师' });
    const listed = await t.http.get('/api/research/activities').set(neighbour.auth).expect(200);
    expect((listed.body as ResearchActivityView[]).map((a) => a.id)).toContain(activity.id);

    const sessionId = await startMeeting(activity.id, as('music.li'));
    const seen = await t.http.get(`/api/live-sessions/${sessionId}`).set(neighbour.auth).expect(200);
    expect(seen.body).toMatchObject({ kind: 'meeting', myRole: 'member', communityId: DEMO.community });
    const joined = await t.http.post(`/api/live-sessions/${sessionId}/join`).set(neighbour.auth).send({}).expect(200);
    expect((joined.body as JoinLessonResponse).role).toBe('member');
    await t.http.get(`/api/live-sessions/${sessionId}`).set(stranger.auth).expect(404);
    await t.http.post(`/api/live-sessions/${sessionId}/join`).set(stranger.auth).send({}).expect(404);
  });

  it('lets a member from another community host the group’s meeting, named in it', async () => {
    const group = await createGroup('music.li', { members: [{ userId: neighbour.userId, role: 'member' }] });
    const activity = await meetingActivity(group.id, neighbour.auth);
    const sessionId = await startMeeting(activity.id, neighbour.auth);
    const seen = await t.http.get(`/api/live-sessions/${sessionId}`).set(as('music.li')).expect(200);
    expect(seen.body as LiveSessionView).toMatchObject({
      myRole: 'member',
      leadTeacher: { id: neighbour.userId, name: '邻校老师' },
    });
    const hosted = await t.http.post(`/api/live-sessions/${sessionId}/join`).set(neighbour.auth).send({}).expect(200);
    expect((hosted.body as JoinLessonResponse).role).toBe('lead');
  });

  it('lets a neighbour member observe the group’s lesson and watch its recording once they open it', async () => {
    const group = await createGroup('music.li', { members: [{ userId: neighbour.userId, role: 'member' }] });
    const body = { groupId: group.id, kind: 'lesson-study', title: '跨校一课双研', subject: 'music', grade: 4 };
    const created = await t.http
      .post('/api/research/activities')
      .set(as('music.li'))
      .send({ ...body, plannedAt: '2026-03-10T08:00:00+08:00' })
      .expect(201);
    const activityUrl = `/api/research/activities/${(created.body as ResearchActivityView).id}`;
    const started = await t.http
      .post(`${activityUrl}/lesson`)
      .set(as('music.li'))
      .send({ classroomIds: [DEMO.classroom.tanghe] })
      .expect(201);
    const sessionId = (started.body as ResearchActivityView).sessionId!;
    const join = (who: { Authorization: string }) =>
      t.http.post(`/api/live-sessions/${sessionId}/join`).set(who).send({ as: 'observer' });
    await join(neighbour.auth).expect(404); // another community's lesson, until they come through the group

    await t.http.get(activityUrl).set(neighbour.auth).expect(200);
    expect((await join(neighbour.auth).expect(200)).body as JoinLessonResponse).toMatchObject({ role: 'observer' });
    const seen = await t.http.get(`/api/live-sessions/${sessionId}`).set(neighbour.auth).expect(200);
    expect(seen.body).toMatchObject({ kind: 'instant', myRole: 'observer' });
    await join(stranger.auth).expect(404);

    const recording = await createResource(
      t,
      { communityId: DEMO.community, userId: DEMO.user.musicLi },
      { title: '跨校一课双研 录像', subject: 'music', grade: 4 },
    );
    await publish(t, recording);
    await t.app
      .get(LiveSessionRepository)
      .setResourceId(new Types.ObjectId(DEMO.community), new Types.ObjectId(sessionId), recording._id);
    const playback = `/api/library/resources/${recording._id.toHexString()}/playback`;
    await t.http.get(playback).set(neighbour.auth).expect(404);
    const view = await t.http.get(activityUrl).set(neighbour.auth).expect(200);
    expect((view.body as ResearchActivityView).resourceId).toBe(recording._id.toHexString());
    await t.http.get(playback).set(neighbour.auth).expect(200);
    await t.http.get(playback).set(stranger.auth).expect(404);
  });

  it('never takes in, nor shows anything to, a user of another district', async () => {
    const created = await t.http
      .post('/api/research/groups')
      .set(as('music.li'))
      .send({ name: '跨区组', kind: 'group', members: [{ userId: stranger.userId, role: 'member' }] })
      .expect(400);
    expect((created.body as ErrorBody).message).toContain(`members[0].userId ${stranger.userId}`);
    const group = await createGroup('music.li');
    const url = `/api/research/groups/${group.id}`;
    const added = await t.http
      .put(`${url}/members/${stranger.userId}`)
      .set(as('music.li'))
      .send({ role: 'observer' })
      .expect(400);
    expect((added.body as ErrorBody).message).toContain("is not a user of this district's communities");
    await t.http.get(url).set(stranger.auth).expect(404);
    await t.http.get(`/api/research/plans?groupId=${group.id}`).set(stranger.auth).expect(404);
    const list = await t.http.get('/api/research/groups').set(stranger.auth).expect(200);
    expect(list.body).toEqual([]);
  });

  it('refuses leads and editing members who cannot use research (400); they may observe', async () => {
    const lead = await t.http
      .post('/api/research/groups')
      .set(as('admin'))
      .send({ name: '校长领衔', kind: 'group', leadId: DEMO.user.schoolWang })
      .expect(400);
    expect((lead.body as ErrorBody).message).toContain(`leadId ${DEMO.user.schoolWang}`);
    expect((lead.body as ErrorBody).message).toContain('may only observe');
    const group = await createGroup('music.li', { members: [{ userId: DEMO.user.assistantLiu, role: 'observer' }] });
    const url = `/api/research/groups/${group.id}`;
    await t.http.patch(url).set(as('admin')).send({ leadId: DEMO.user.assistantLiu }).expect(400);
    const member = await t.http
      .put(`${url}/members/${DEMO.user.assistantLiu}`)
      .set(as('music.li'))
      .send({ role: 'member' })
      .expect(400);
    expect((member.body as ErrorBody).message).toContain(
      'a member must be a teacher, research officer or community admin',
    );
    await t.http
      .post('/api/research/groups')
      .set(as('music.li'))
      .send({ name: '助教编辑', kind: 'group', members: [{ userId: DEMO.user.schoolWang, role: 'member' }] })
      .expect(400);
    const kept = await t.http.get(url).set(as('music.li')).expect(200);
    expect((kept.body as ResearchGroupView).members.find((m) => m.userId === DEMO.user.assistantLiu)?.role).toBe(
      'observer',
    );
  });
});
