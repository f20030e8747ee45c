import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  planDocId,
  type ErrorBody,
  type LessonPlanView,
  type PlanChecksView,
  type PlanCommentView,
  type PlanTemplateView,
  type ResearchGroupView,
} from '@tongke/contracts';
import { EMPTY_PLAN_CONTENT, writePlanContent, type PlanContent } from '@tongke/contracts/research/plan-doc';
import type { Response } from 'supertest';
import * as Y from 'yjs';
import { Types } from 'mongoose';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { DEMO } from '../../org/testing/org-test.support';
import { CollabDocuments } from '../collab/collab-documents.service';
import { signInOtherCommunity } from '../evaluations/testing/evaluation-test.support';
import { PlanVersionRepository } from '../versions/plan-version.repository';
import { BUILT_IN_TEMPLATES } from '../templates/built-in-templates.data';
import { LessonPlansController } from './lesson-plans.controller';

const LOGINS = ['admin', 'music.li', 'english.zhao', 'art.chen', 'research.sun'];

/** word/document.xml of a DOCX (unzip -p). */
function documentXml(docx: Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'plan-docx-')), 'plan.docx');
  writeFileSync(file, docx);
  return execFileSync('unzip', ['-p', file, 'word/document.xml']).toString('utf8');
}

const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

function anchor(section: string, index: number): string {
  const doc = new Y.Doc();
  const text = doc.getText(section);
  text.insert(0, '理解课文内容');
  return Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index))).toString('base64');
}

describe(LessonPlansController.name, () => {
  let t: ApiTestApp;
  let documents: CollabDocuments;
  let group: ResearchGroupView;
  const auth = new Map<string, { Authorization: string }>();
  const as = (who: string) => auth.get(who)!;

  beforeAll(async () => {
    t = await startApiTestApp(56);
    documents = t.app.get(CollabDocuments);
    for (const u of LOGINS) auth.set(u, { Authorization: `Bearer ${await t.login(u)}` });
    auth.set('other', { Authorization: `Bearer ${await signInOtherCommunity(t)}` });
    const res = await t.http
      .post('/api/research/groups')
      .set(as('music.li'))
      .send({
        name: '小学语文教研组',
        kind: 'group',
        subject: 'chinese',
        members: [
          { userId: DEMO.user.englishZhao, role: 'member' },
          { userId: DEMO.user.research, role: 'observer' },
        ],
      })
      .expect(201);
    group = res.body as ResearchGroupView;
  });

  afterAll(async () => {
    await t.close();
  });

  async function createPlan(body: object = {}, who = 'music.li'): Promise<LessonPlanView> {
    const res = await t.http
      .post('/api/research/plans')
      .set(as(who))
      .send({ groupId: group.id, title: '《秋天的雨》第一课时', subject: 'chinese', grade: 3, ...body });
    expect(res.status).toBe(201);
    return res.body as LessonPlanView;
  }

  const setContent = (planId: string, content: PlanContent) =>
    documents.change(planDocId(planId), (doc) => writePlanContent(doc, content));

  describe('plans', () => {
    it('creates a plan from a built-in template with the template’s content', async () => {
      const plan = await createPlan({ templateId: 'builtin:chinese', topic: '秋天的雨', chapter: '第二单元' });
      expect(plan).toMatchObject({
        groupId: group.id,
        communityId: DEMO.community,
        topic: '秋天的雨',
        chapter: '第二单元',
        subject: 'chinese',
        grade: 3,
        author: { id: DEMO.user.musicLi, name: '李静（音乐）' },
        access: 'edit',
      });
      const content = await documents.readContent(planDocId(plan.id));
      expect(content).toEqual(BUILT_IN_TEMPLATES.find((x) => x.id === 'builtin:chinese')!.content);
      expect(content.process.reduce((s, p) => s + p.minutes, 0)).toBe(40);
    });

    it('starts empty without a template, and copies a readable plan', async () => {
      const empty = await createPlan();
      expect(await documents.readContent(planDocId(empty.id))).toEqual(EMPTY_PLAN_CONTENT);
      await setContent(empty.id, { ...EMPTY_PLAN_CONTENT, objectives: '会认8个生字', reflection: '反思' });
      const copy = await createPlan({ title: '副本', copyOfPlanId: empty.id }, 'english.zhao');
      expect(copy.author.id).toBe(DEMO.user.englishZhao);
      expect(await documents.readContent(planDocId(copy.id))).toMatchObject({
        objectives: '会认8个生字',
        reflection: '反思',
      });
      const list = await t.http.get(`/api/research/plans?groupId=${group.id}`).set(as('research.sun')).expect(200);
      const ids = (list.body as LessonPlanView[]).map((p) => p.id);
      expect(ids).toEqual(expect.arrayContaining([empty.id, copy.id]));
      expect((list.body as LessonPlanView[]).every((p) => p.access === 'read')).toBe(true);
    });

    it('refuses unknown templates and both a template and a copy (400)', async () => {
      const res = await t.http
        .post('/api/research/plans')
        .set(as('music.li'))
        .send({ groupId: group.id, title: 'x', subject: 'chinese', grade: 3, templateId: 'builtin:nope' })
        .expect(400);
      expect((res.body as ErrorBody).message).toContain('builtin:nope');
      await t.http
        .post('/api/research/plans')
        .set(as('music.li'))
        .send({
          groupId: group.id,
          title: 'x',
          subject: 'chinese',
          grade: 3,
          templateId: 'builtin:math',
          copyOfPlanId: group.id,
        })
        .expect(400);
      await t.http
        .post('/api/research/plans')
        .set(as('music.li'))
        .send({ groupId: group.id, title: 'x', subject: 'chinese', grade: 10 })
        .expect(400);
    });

    it('checks homework for each grade band and sums the process minutes', async () => {
      const cases: [number, PlanContent['homework'], string[]][] = [
        [2, [{ id: 'a', content: '抄写生字', kind: 'written', minutes: 10 }], ['written-not-allowed']],
        [2, [{ id: 'a', content: '朗读课文', kind: 'oral', minutes: 10 }], []],
        [5, [{ id: 'a', content: '练习册', kind: 'written', minutes: 70 }], ['over-daily-limit']],
        [5, [{ id: 'a', content: '练习册', kind: 'written', minutes: 40 }], ['over-half-daily-limit']],
        [8, [{ id: 'a', content: '试卷', kind: 'written', minutes: 95 }], ['over-daily-limit']],
        [8, [{ id: 'a', content: '试卷', kind: 'written', minutes: 30 }], []],
      ];
      for (const [grade, homework, codes] of cases) {
        const plan = await createPlan({ grade, templateId: 'builtin:math' });
        const process = [
          { id: 's1', title: '导入', minutes: 5, content: '' },
          { id: 's2', title: '新授', minutes: 25, content: '' },
        ];
        await setContent(plan.id, { ...EMPTY_PLAN_CONTENT, homework, process });
        const res = await t.http.get(`/api/research/plans/${plan.id}/checks`).set(as('research.sun')).expect(200);
        const checks = res.body as PlanChecksView;
        expect([grade, checks.homework.map((w) => w.code)]).toEqual([grade, codes]);
        expect(checks.processMinutes).toBe(30);
      }
    });

    it('exports a DOCX with every section, the process table and the homework warnings', async () => {
      // A grade-3 template has written homework; moving the plan to grade 2 keeps it and so warns.
      const plan = await createPlan({ grade: 3, templateId: 'builtin:chinese', title: '秋天的雨/教案' });
      await t.http.patch(`/api/research/plans/${plan.id}`).set(as('music.li')).send({ grade: 2 }).expect(200);
      const res = await t.http
        .get(`/api/research/plans/${plan.id}/export.docx`)
        .set(as('research.sun'))
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(res.headers['content-type']).toContain('wordprocessingml.document');
      expect(res.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent('秋天的雨_教案.docx')}`,
      );
      const body = res.body as Buffer;
      expect(body.subarray(0, 2).toString()).toBe('PK');
      const xml = documentXml(body);
      for (const heading of ['教学目标', '教学重难点', '学情分析', '教学过程', '板书设计', '作业设计', '教学反思']) {
        expect(xml).toContain(heading);
      }
      expect(xml).toContain('秋天的雨/教案');
      expect(xml).toContain('情境导入');
      expect(xml).toContain('<w:tbl>');
      expect(xml).toContain('【书面·10分钟】');
      expect(xml).toContain('2年级不布置书面家庭作业');
    });

    it('lets observers read but not change plans, and hides them from non-members (404)', async () => {
      const plan = await createPlan();
      const url = `/api/research/plans/${plan.id}`;
      const read = await t.http.get(url).set(as('research.sun')).expect(200);
      expect((read.body as LessonPlanView).access).toBe('read');
      await t.http.patch(url).set(as('research.sun')).send({ title: '改' }).expect(403);
      await t.http.get(url).set(as('art.chen')).expect(404);
      await t.http.get(`${url}/checks`).set(as('art.chen')).expect(404);
      await t.http.get(`${url}/export.docx`).set(as('art.chen')).expect(404);
      await t.http.get(`/api/research/plans?groupId=${group.id}`).set(as('art.chen')).expect(404);
      await t.http
        .post('/api/research/plans')
        .set(as('research.sun'))
        .send({ groupId: group.id, title: 'x', subject: 'chinese', grade: 3 })
        .expect(403);
      await t.http
        .post('/api/research/plans')
        .set(as('art.chen'))
        .send({ groupId: group.id, title: 'x', subject: 'chinese', grade: 3 })
        .expect(404);
    });

    it('changes metadata for editors; deletes for the author or lead only, with the document', async () => {
      const plan = await createPlan({}, 'english.zhao');
      const url = `/api/research/plans/${plan.id}`;
      const res = await t.http.patch(url).set(as('music.li')).send({ title: '新标题', grade: 4 }).expect(200);
      expect(res.body).toMatchObject({ title: '新标题', grade: 4 });
      await t.http.patch(url).set(as('music.li')).send({ subject: 'math' }).expect(400);
      const byLead = await createPlan({}, 'music.li');
      await t.http.delete(`/api/research/plans/${byLead.id}`).set(as('english.zhao')).expect(403);
      await t.http.post(`${url}/versions`).set(as('music.li')).send({ name: '第一稿' }).expect(201);
      await t.http.delete(url).set(as('music.li')).expect(204);
      await t.http.get(url).set(as('music.li')).expect(404);
      await expect(documents.readContent(planDocId(plan.id))).resolves.toEqual(EMPTY_PLAN_CONTENT);
      const versions = t.app.get(PlanVersionRepository);
      expect(await versions.listByPlan(new Types.ObjectId(plan.communityId), new Types.ObjectId(plan.id))).toEqual([]);
    });

    it('refuses deleting a plan a research activity links (409, naming it) until it is unlinked', async () => {
      const plan = await createPlan();
      const body = {
        groupId: group.id,
        kind: 'lesson-study',
        title: '《秋天的雨》一课双研',
        subject: 'chinese',
        grade: 3,
      };
      const activity = await t.http
        .post('/api/research/activities')
        .set(as('music.li'))
        .send({ ...body, plannedAt: '2026-03-10T08:00:00Z', planId: plan.id })
        .expect(201);
      const refused = await t.http.delete(`/api/research/plans/${plan.id}`).set(as('music.li')).expect(409);
      expect((refused.body as ErrorBody).message).toContain(`“《秋天的雨》一课双研” (${activity.body.id as string})`);
      await t.http.get(`/api/research/plans/${plan.id}`).set(as('music.li')).expect(200);
      await t.http.patch(`/api/research/activities/${activity.body.id}`).set(as('music.li')).send({ planId: null });
      await t.http.delete(`/api/research/plans/${plan.id}`).set(as('music.li')).expect(204);
    });

    it('answers 404 to a caller of another community', async () => {
      const url = `/api/research/plans/${(await createPlan()).id}`;
      for (const path of ['', '/checks', '/export.docx'])
        await t.http
          .get(url + path)
          .set(as('other'))
          .expect(404);
      await t.http.patch(url).set(as('other')).send({ title: '改' }).expect(404);
      await t.http.delete(url).set(as('other')).expect(404);
      await t.http.get(`/api/research/plans?groupId=${group.id}`).set(as('other')).expect(404);
    });
  });

  describe('templates', () => {
    it('lists built-in templates of a subject with the general one', async () => {
      const res = await t.http.get('/api/research/templates?subject=music').set(as('art.chen')).expect(200);
      expect((res.body as PlanTemplateView[]).map((x) => x.id)).toEqual(['builtin:general', 'builtin:music']);
      const all = await t.http.get('/api/research/templates').set(as('art.chen')).expect(200);
      expect((all.body as PlanTemplateView[]).length).toBeGreaterThanOrEqual(7);
    });

    it('saves a plan as a group template, starts a plan from it, and deletes it', async () => {
      const plan = await createPlan();
      const content: PlanContent = {
        ...EMPTY_PLAN_CONTENT,
        objectives: '组内模板目标',
        process: [{ id: 'p1', title: '导入', minutes: 5, content: '谈话' }],
      };
      await setContent(plan.id, content);
      await t.http
        .post('/api/research/templates')
        .set(as('research.sun'))
        .send({ planId: plan.id, name: '观察员模板' })
        .expect(403);
      const created = await t.http
        .post('/api/research/templates')
        .set(as('english.zhao'))
        .send({ planId: plan.id, name: '语文组模板' })
        .expect(201);
      const template = created.body as PlanTemplateView;
      expect(template).toMatchObject({ name: '语文组模板', subject: 'chinese', builtIn: false, groupId: group.id });
      await t.http
        .post('/api/research/templates')
        .set(as('english.zhao'))
        .send({ planId: plan.id, name: '语文组模板' })
        .expect(409);
      const list = await t.http
        .get(`/api/research/templates?subject=chinese&groupId=${group.id}`)
        .set(as('research.sun'))
        .expect(200);
      expect((list.body as PlanTemplateView[]).map((x) => x.id)).toEqual([
        'builtin:general',
        'builtin:chinese',
        template.id,
      ]);
      await t.http.get(`/api/research/templates?groupId=${group.id}`).set(as('art.chen')).expect(404);
      const fromTemplate = await createPlan({ templateId: template.id });
      expect(await documents.readContent(planDocId(fromTemplate.id))).toEqual(content);
      await t.http.delete(`/api/research/templates/${template.id}`).set(as('research.sun')).expect(403);
      await t.http.delete(`/api/research/templates/${template.id}`).set(as('art.chen')).expect(404);
      await t.http.delete('/api/research/templates/builtin:chinese').set(as('music.li')).expect(400);
      await t.http.delete(`/api/research/templates/${template.id}`).set(as('music.li')).expect(204);
      await t.http.delete(`/api/research/templates/${template.id}`).set(as('music.li')).expect(404);
    });
  });

  describe('comments', () => {
    let plan: LessonPlanView;
    let url: string;

    beforeAll(async () => {
      plan = await createPlan({ templateId: 'builtin:general' });
      url = `/api/research/plans/${plan.id}/comments`;
    });

    const comment = (text: string) => ({
      section: 'objectives',
      anchorStart: anchor('objectives', 0),
      anchorEnd: anchor('objectives', 4),
      quote: '理解课文',
      text,
    });

    it('lets observers comment; members reply; the plan’s editors resolve', async () => {
      const res = await t.http.post(url).set(as('research.sun')).send(comment('目标可检测吗？')).expect(201);
      const created = res.body as PlanCommentView;
      expect(created).toMatchObject({
        planId: plan.id,
        section: 'objectives',
        quote: '理解课文',
        text: '目标可检测吗？',
        author: { id: DEMO.user.research, name: '孙丽（教研员）' },
        resolved: false,
        replies: [],
      });
      const reply = await t.http
        .post(`${url}/${created.id}/replies`)
        .set(as('english.zhao'))
        .send({ text: '已改为可观察的行为动词' })
        .expect(201);
      expect((reply.body as PlanCommentView).replies).toMatchObject([
        { author: { id: DEMO.user.englishZhao }, text: '已改为可观察的行为动词' },
      ]);
      const resolved = await t.http.patch(`${url}/${created.id}`).set(as('music.li')).send({ resolved: true });
      expect(resolved.status).toBe(200);
      expect((resolved.body as PlanCommentView).resolved).toBe(true);
      const reopened = await t.http
        .patch(`${url}/${created.id}`)
        .set(as('research.sun'))
        .send({ resolved: false })
        .expect(200);
      expect((reopened.body as PlanCommentView).resolved).toBe(false);
      const list = await t.http.get(url).set(as('music.li')).expect(200);
      expect((list.body as PlanCommentView[]).map((c) => [c.id, c.replies.length])).toEqual([[created.id, 1]]);
    });

    it('lets only the author or editors resolve', async () => {
      const res = await t.http.post(url).set(as('english.zhao')).send(comment('再看看')).expect(201);
      const id = (res.body as PlanCommentView).id;
      await t.http.patch(`${url}/${id}`).set(as('research.sun')).send({ resolved: true }).expect(403);
      await t.http.patch(`${url}/${id}`).set(as('english.zhao')).send({ resolved: true }).expect(200);
    });

    it('refuses anchors that are no Yjs relative positions, and non-readers (404)', async () => {
      const bad = await t.http
        .post(url)
        .set(as('music.li'))
        .send({ ...comment('x'), anchorEnd: 'aGVsbG8=' })
        .expect(400);
      expect((bad.body as ErrorBody).message).toContain('anchorEnd');
      await t.http
        .post(url)
        .set(as('music.li'))
        .send({ ...comment('x'), anchorStart: 'not base64!' })
        .expect(400);
      await t.http
        .post(url)
        .set(as('music.li'))
        .send({ ...comment('x'), section: 'nope' })
        .expect(400);
      await t.http.post(url).set(as('art.chen')).send(comment('x')).expect(404);
      await t.http.get(url).set(as('art.chen')).expect(404);
      const [first] = (await t.http.get(url).set(as('music.li')).expect(200)).body as PlanCommentView[];
      await t.http.get(url).set(as('other')).expect(404);
      await t.http.post(url).set(as('other')).send(comment('x')).expect(404);
      await t.http.post(`${url}/${first!.id}/replies`).set(as('other')).send({ text: 'x' }).expect(404);
      await t.http.patch(`${url}/${first!.id}`).set(as('other')).send({ resolved: true }).expect(404);
      await t.http.post(`${url}/${DEMO.community}/replies`).set(as('music.li')).send({ text: 'x' }).expect(404);
    });
  });
});
