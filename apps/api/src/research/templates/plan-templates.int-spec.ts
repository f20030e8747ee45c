import { planDocId, type LessonPlanView, type PlanChecksView, type ResearchGroupView } from '@tongke/contracts';
import type { HomeworkKind } from '@tongke/contracts/research/research-values';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { CollabDocuments } from '../collab/collab-documents.service';
import { PlanTemplatesService } from './plan-templates.service';

describe(PlanTemplatesService.name, () => {
  let t: ApiTestApp;
  let lead: { Authorization: string };
  let group: ResearchGroupView;

  beforeAll(async () => {
    t = await startApiTestApp(88);
    lead = { Authorization: `Bearer ${await t.login('music.li')}` };
    const res = await t.http
      .post('/api/research/groups')
      .set(lead)
      .send({ name: '低段语文教研组', kind: 'group', subject: 'chinese', grades: [1, 2, 3] })
      .expect(201);
    group = res.body as ResearchGroupView;
  });

  afterAll(async () => {
    await t.close();
  });

  /** A new plan of `grade` from the template: its checks and its homework items' kinds. */
  async function newPlan(
    templateId: string,
    grade: number,
  ): Promise<{ checks: PlanChecksView; kinds: HomeworkKind[] }> {
    const plan = await t.http
      .post('/api/research/plans')
      .set(lead)
      .send({ groupId: group.id, title: `${templateId} ${grade}`, subject: 'chinese', grade, templateId })
      .expect(201);
    const id = (plan.body as LessonPlanView).id;
    const res = await t.http.get(`/api/research/plans/${id}/checks`).set(lead).expect(200);
    const content = await t.app.get(CollabDocuments).readContent(planDocId(id));
    return { checks: res.body as PlanChecksView, kinds: content.homework.map((h) => h.kind) };
  }

  it('starts grade 1–2 plans from built-in templates without written homework (no warning)', async () => {
    const chinese = await newPlan('builtin:chinese', 1);
    expect(chinese.checks.homework).toEqual([]);
    expect(chinese.kinds).toEqual(['oral', 'oral', 'reading']);
    const general = await newPlan('builtin:general', 2);
    expect(general.checks.homework).toEqual([]);
    expect(general.kinds).toEqual(['oral', 'practice']);
  });

  it('keeps the written homework from grade 3 on', async () => {
    const { checks, kinds } = await newPlan('builtin:chinese', 3);
    expect(kinds).toEqual(['written', 'oral', 'reading']);
    expect(checks.homework).toEqual([]);
  });
});
