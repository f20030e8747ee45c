import { ErrorCode } from '@tongke/contracts';
import { Types } from 'mongoose';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { AuthSessionService } from '../../auth/sessions/auth-session.service';
import { DEMO } from '../../org/testing/org-test.support';
import { ResearchGroupRepository } from '../groups/research-group.repository';
import { LessonPlanRepository } from '../plans/lesson-plan.repository';
import { CollabAccessChecker } from './collab-access-checker.service';
import { CollabTestClient, until } from './testing/collab-test.client';
import { groupWithPlan } from './testing/collab-fixture';

describe(CollabAccessChecker.name, () => {
  let t: ApiTestApp;
  const clients: CollabTestClient[] = [];

  const client = async (username: string, docId: string) => {
    const c = await CollabTestClient.connect(t.url as string, await t.login(username));
    clients.push(c);
    expect(await c.join(docId)).toMatchObject({ ok: true });
    return c;
  };

  beforeAll(async () => {
    t = await startApiTestApp(78, { listen: 0 });
  });
  afterEach(() => clients.splice(0).forEach((c) => c.close()));
  afterAll(() => t?.close());

  it('disconnects a member removed from the group: no more live edits', async () => {
    const { docId, planId } = await groupWithPlan(t, '移除成员');
    const lead = await client('music.li', docId);
    const removed = await client('english.zhao', docId);
    const reader = await client('art.chen', docId);
    lead.text().insert(0, '移除前');
    await until(() => removed.text().toString() === '移除前', 'the edit before the removal');

    const plan = await t.app.get(LessonPlanRepository).findByIdForAccess(new Types.ObjectId(planId));
    const groups = t.app.get(ResearchGroupRepository);
    const group = await groups.findByIdForAccess(plan!.groupId);
    const members = group!.members.filter((m) => !m.userId.equals(DEMO.user.englishZhao));
    await groups.update(group!.communityId, group!._id, { members });
    await t.app.get(CollabAccessChecker).checkAll();

    await until(() => !removed.socket.connected, 'the removed member disconnected');
    expect(removed.closed).toEqual([expect.objectContaining({ docId, code: ErrorCode.NOT_FOUND })]);
    lead.text().insert(3, '，移除后');
    await until(() => reader.text().toString() === '移除前，移除后', 'the edit reaching the remaining reader');
    expect(removed.text().toString()).toBe('移除前');
    expect(lead.socket.connected && reader.socket.connected).toBe(true);
  });

  it('disconnects the sockets of a signed-out session', async () => {
    const { docId } = await groupWithPlan(t, '退出登录');
    const c = await client('english.zhao', docId);
    await t.app.get(AuthSessionService).revokeAllForUser(new Types.ObjectId(DEMO.user.englishZhao), 'test');
    await t.app.get(CollabAccessChecker).checkAll();
    await until(() => !c.socket.connected, 'the signed-out socket disconnected');
    expect(c.closed).toEqual([expect.objectContaining({ docId, code: ErrorCode.UNAUTHENTICATED })]);
  });
});
