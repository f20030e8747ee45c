import type { PlanVersionPreview, PlanVersionRestoreResult, PlanVersionView } from '@tongke/contracts';
import { planProcess, processStepMap, replaceText } from '@tongke/contracts/research/plan-doc';
import * as Y from 'yjs';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { CollabTestClient, until } from '../collab/testing/collab-test.client';
import { groupWithPlan, type PlanFixture } from '../collab/testing/collab-fixture';
import { PlanVersionsController } from './plan-versions.controller';

describe(PlanVersionsController.name, () => {
  let t: ApiTestApp;
  let fixture: PlanFixture;
  let auth: (u: string) => { Authorization: string };
  const clients: CollabTestClient[] = [];
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    t = await startApiTestApp(54, { listen: 0 });
    for (const u of ['music.li', 'english.zhao', 'art.chen', 'school.wang']) tokens.set(u, await t.login(u));
    auth = (u) => ({ Authorization: `Bearer ${tokens.get(u)}` });
    fixture = await groupWithPlan(t, '版本教研组');
  });

  afterAll(async () => {
    clients.forEach((c) => c.close());
    await t?.close();
  });

  const client = async (username: string) => {
    const c = await CollabTestClient.connect(t.url as string, tokens.get(username) as string);
    clients.push(c);
    await c.join(fixture.docId);
    return c;
  };
  const base = () => `/api/research/plans/${fixture.planId}/versions`;

  it('saves, lists, previews and restores versions for every connected editor', async () => {
    const [a, b] = [await client('music.li'), await client('english.zhao')];
    a.text().insert(0, '第一稿：理解草原音乐');
    expect(await a.flush()).toEqual([]);

    const created = await t.http.post(base()).set(auth('music.li')).send({ name: '第一稿' }).expect(201);
    const first = created.body as PlanVersionView;
    expect(first).toMatchObject({ name: '第一稿', reason: 'manual', createdBy: { name: expect.any(String) } });

    b.text().insert(b.text().length, '（第二稿补充）');
    expect(await b.flush()).toEqual([]);
    await until(() => a.text().toString().includes('第二稿补充'), 'the second draft reaching A');

    const list = await t.http.get(base()).set(auth('art.chen')).expect(200);
    expect((list.body as PlanVersionView[]).map((v) => v.id)).toEqual([first.id]);
    const preview = await t.http.get(`${base()}/${first.id}`).set(auth('art.chen')).expect(200);
    expect((preview.body as PlanVersionPreview).content.objectives).toBe('第一稿：理解草原音乐');

    const res = await t.http.post(`${base()}/${first.id}/restore`).set(auth('english.zhao')).expect(200);
    const restored = res.body as PlanVersionRestoreResult;
    expect(restored.restored.id).toBe(first.id);
    expect(restored.backup).toMatchObject({ reason: 'before-restore' });
    await until(() => a.text().toString() === '第一稿：理解草原音乐', 'A restored');
    await until(() => b.text().toString() === '第一稿：理解草原音乐', 'B restored');
    await until(() => a.restored.length === 1 && b.restored.length === 1, 'doc:restored on both');
    expect(a.restored[0]).toMatchObject({ docId: fixture.docId, versionId: first.id, versionName: '第一稿' });

    const backup = await t.http.get(`${base()}/${restored.backup.id}`).set(auth('music.li')).expect(200);
    expect((backup.body as PlanVersionPreview).content.objectives).toContain('第二稿补充');
  });

  it('saves an auto version when the last editor leaves after editing', async () => {
    const a = await client('music.li');
    a.text().insert(a.text().length, '——自动保存前的修改');
    expect(await a.flush()).toEqual([]);
    for (const c of clients.splice(0)) c.close();
    let versions: PlanVersionView[] = [];
    for (let i = 0; i < 100 && versions[0]?.reason !== 'auto'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      versions = (await t.http.get(base()).set(auth('music.li')).expect(200)).body as PlanVersionView[];
    }
    expect(versions[0]).toMatchObject({ reason: 'auto', name: '自动保存' });
    const preview = await t.http.get(`${base()}/${versions[0].id}`).set(auth('music.li')).expect(200);
    expect((preview.body as PlanVersionPreview).content.objectives).toContain('自动保存前的修改');
  });

  it('restores steps by id: unchanged steps keep their identity (anchors), changed fields are rewritten', async () => {
    const a = await client('music.li');
    planProcess(a.doc).push([processStepMap({ id: 'step-1', title: '导入', minutes: 5, content: '欣赏《草原放牧》' })]);
    expect(await a.flush()).toEqual([]);
    const saved = (await t.http.post(base()).set(auth('music.li')).send({ name: '有步骤' }).expect(201))
      .body as PlanVersionView;
    const step = planProcess(a.doc).get(0);
    replaceText(step.get('title') as Y.Text, '导入新课');
    expect(await a.flush()).toEqual([]);
    const content = step.get('content') as Y.Text;
    const anchor = Y.createRelativePositionFromTypeIndex(content, 2);

    const res = await t.http.post(`${base()}/${saved.id}/restore`).set(auth('music.li')).expect(200);
    await until(() => (step.get('title') as Y.Text).toString() === '导入', 'the title restored in place');
    expect(planProcess(a.doc).get(0)).toBe(step);
    expect(Y.createAbsolutePositionFromRelativePosition(anchor, a.doc)).toMatchObject({ type: content, index: 2 });
    const backup = (
      await t.http
        .get(`${base()}/${(res.body as PlanVersionRestoreResult).backup.id}`)
        .set(auth('music.li'))
        .expect(200)
    ).body as PlanVersionPreview;
    expect(backup.content.process.map((s) => s.title)).toEqual(['导入新课']);
  });

  it('lets observers read versions but not save or restore; non-members see nothing', async () => {
    const [first] = (await t.http.get(base()).set(auth('music.li')).expect(200)).body as PlanVersionView[];
    await t.http.post(base()).set(auth('art.chen')).send({ name: '观察员' }).expect(403);
    await t.http.post(`${base()}/${first.id}/restore`).set(auth('art.chen')).expect(403);
    await t.http.get(base()).set(auth('school.wang')).expect(404);
    await t.http.get(`${base()}/${first.id}`).set(auth('school.wang')).expect(404);
    await t.http.post(`${base()}/${first.id}/restore`).set(auth('school.wang')).expect(404);
    await t.http.post(base()).set(auth('music.li')).send({ name: '' }).expect(400);
    await t.http.get(`${base()}/000000000000000000000000`).set(auth('music.li')).expect(404);
  });
});
