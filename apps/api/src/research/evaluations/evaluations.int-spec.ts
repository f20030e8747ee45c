import {
  DEFAULT_RUBRIC,
  type CompareView,
  type EvaluationReportView,
  type EvaluationView,
  type TimedCommentView,
} from '@tongke/contracts';
import { Types } from 'mongoose';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { DEMO } from '../../org/testing/org-test.support';
import { ResearchActivityRepository } from '../activities/research-activity.repository';
import { EvaluationsController } from './evaluations.controller';
import { ART_CHEN, insertActivity, insertGroup } from './testing/evaluation-test.support';

const ITEMS = DEFAULT_RUBRIC.dimensions.flatMap((d) => d.items.map((i) => i.key));
/** Every item of the default rubric scored `base`, with some items changed. */
const scores = (base: number, changes: Record<string, number> = {}) => ({
  ...Object.fromEntries(ITEMS.map((k) => [k, base])),
  ...changes,
});

describe(EvaluationsController.name, () => {
  let t: ApiTestApp;
  let activityId: string;
  const auth = new Map<string, string>();
  const as = (user: string) => ({ Authorization: `Bearer ${auth.get(user)}` });
  const url = (path: string, id = activityId) => `/api/research/activities/${id}/${path}`;
  const save = (user: string, body: object, id = activityId) =>
    t.http.put(url('evaluations/mine', id)).set(as(user)).send(body);

  beforeAll(async () => {
    t = await startApiTestApp(59);
    for (const u of ['music.li', 'english.zhao', 'art.chen', 'research.sun', 'school.wang', 'admin']) {
      auth.set(u, await t.login(u));
    }
    // music.li leads and teaches; english.zhao is a member, art.chen an observer; research.sun reads as officer.
    const groupId = await insertGroup(t, DEMO.user.musicLi, [
      { userId: DEMO.user.englishZhao, role: 'member' },
      { userId: ART_CHEN, role: 'observer' },
    ]);
    activityId = await insertActivity(t, groupId, DEMO.user.musicLi);
  });

  afterAll(async () => {
    await t.close();
  });

  it('refuses unknown items and scores out of range (400), naming them', async () => {
    const unknown = await save('english.zhao', { mode: 'live', scores: { 'no-such-item': 3 } }).expect(400);
    expect(unknown.body.message).toContain('"no-such-item" is not an item of the rubric');
    const high = await save('english.zhao', { mode: 'live', scores: { 'goals-met': 11 } }).expect(400);
    expect(high.body.message).toContain('the score of "goals-met" must be 0-10 (got 11)');
    await save('english.zhao', { mode: 'live', scores: { 'goals-met': -1 } }).expect(400);
    await save('english.zhao', { mode: 'hybrid', scores: {} }).expect(400);
  });

  it('refuses to submit with items missing (400), listing them', async () => {
    const partial: Record<string, number> = scores(5);
    delete partial['teacher-control'];
    const res = await save('english.zhao', { mode: 'recording', scores: partial, submit: true }).expect(400);
    expect(res.body.message).toContain('missing: teacher-control');
  });

  it('answers 404 to non-members for every route', async () => {
    await save('school.wang', { mode: 'live', scores: {} }).expect(404);
    await t.http.get(url('evaluations')).set(as('school.wang')).expect(404);
    await t.http.get(url('report')).set(as('school.wang')).expect(404);
    await t.http.get(url('comments')).set(as('school.wang')).expect(404);
    await t.http.post(url('comments')).set(as('school.wang')).send({ atS: 1, text: 'x' }).expect(404);
    await t.http.get(url('report', new Types.ObjectId().toHexString())).set(as('music.li')).expect(404);
  });

  it('reports means, population spreads, minima and maxima over the three submitted evaluations only', async () => {
    // Drafts never count: the admin's half-filled draft below stays out of the report.
    await save('admin', { mode: 'live', scores: { 'goals-clear': 0 } }).expect(200);
    // The lesson's teacher (music.li) may not score it.
    await save('music.li', { mode: 'live', scores: { 'goals-clear': 10 } }).expect(403);
    // Observer A: everything 10 → every dimension 100, total 100.
    await save('english.zhao', { mode: 'live', scores: scores(10), summary: '目标清晰', submit: true }).expect(200);
    // Observer B: everything 6, but goals-met 2 → goals (6+2)/20 = 40, others 60; total 0.15·40 + 0.85·60 = 57.
    const b = await save('art.chen', { mode: 'recording', scores: scores(6, { 'goals-met': 2 }), submit: true }).expect(
      200,
    );
    expect((b.body as EvaluationView).submitted).toBe(true);
    // Observer C: everything 8 → 80, total 80 — submitted, then corrected as a "draft" save: it stays
    // submitted (a correction never withdraws it), and a correction missing items is refused.
    await save('research.sun', { mode: 'recording', scores: scores(7), submit: true }).expect(200);
    const corrected = await save('research.sun', { mode: 'recording', scores: scores(8) }).expect(200);
    expect((corrected.body as EvaluationView).submitted).toBe(true);
    await save('research.sun', { mode: 'recording', scores: { 'goals-clear': 8 } }).expect(400);

    const report = (await t.http.get(url('report')).set(as('art.chen')).expect(200)).body as EvaluationReportView;
    expect(report.evaluations).toBe(3);
    expect(report.rubric.id).toBe('default');
    // totals 100, 57, 80: mean 79; deviations 21, -22, 1 → variance (441 + 484 + 1) / 3 = 308.666…
    expect(report.total!.mean).toBeCloseTo(79, 9);
    expect(report.total!.stdDev).toBeCloseTo(Math.sqrt(926 / 3), 9);
    expect(report.total!.min).toBeCloseTo(57, 9);
    expect(report.total!.max).toBeCloseTo(100, 9);
    const goals = report.dimensions.find((d) => d.key === 'goals')!;
    // goals: 100, 40, 80 → mean 220/3; variance ((100-m)² + (40-m)² + (80-m)²)/3 = 5600/9
    expect(goals.weight).toBe(15);
    expect(goals.stats!.mean).toBeCloseTo(220 / 3, 9);
    expect(goals.stats!.stdDev).toBeCloseTo(Math.sqrt(5600 / 9), 9);
    expect([goals.stats!.min, goals.stats!.max]).toEqual([40, 100]);
    const method = report.dimensions.find((d) => d.key === 'method')!;
    // method: 100, 60, 80 → mean 80, variance (400 + 400 + 0)/3
    expect(method.stats!.mean).toBeCloseTo(80, 9);
    expect(method.stats!.stdDev).toBeCloseTo(Math.sqrt(800 / 3), 9);
    const met = report.items.find((i) => i.key === 'goals-met')!;
    // goals-met: 10, 2, 8 → mean 20/3
    expect(met).toMatchObject({ dimensionKey: 'goals', maxScore: 10 });
    expect(met.stats!.mean).toBeCloseTo(20 / 3, 9);
    expect([met.stats!.min, met.stats!.max]).toEqual([2, 10]);
    expect(report.summaries).toEqual([
      { observer: { id: DEMO.user.englishZhao, name: '赵敏（英语）' }, text: '目标清晰' },
    ]);
  });

  it('lists the submitted evaluations and the caller’s own draft only', async () => {
    const admin = (await t.http.get(url('evaluations')).set(as('admin')).expect(200)).body as EvaluationView[];
    expect(admin).toHaveLength(4);
    expect(admin.find((e) => !e.submitted)?.observer.id).toBe(DEMO.user.admin);
    const other = (await t.http.get(url('evaluations')).set(as('art.chen')).expect(200)).body as EvaluationView[];
    expect(other).toHaveLength(3);
    expect(other.every((e) => e.submitted)).toBe(true);
    expect(other.find((e) => e.observer.id === ART_CHEN)).toMatchObject({
      mode: 'recording',
      scores: scores(6, { 'goals-met': 2 }),
    });
  });

  it('keeps timestamped comments in lesson order and puts them in the report', async () => {
    const first = await t.http
      .post(url('comments'))
      .set(as('art.chen'))
      .send({ atS: 95.5, text: '提问有层次' })
      .expect(201);
    expect(first.body as TimedCommentView).toMatchObject({ atS: 95.5, text: '提问有层次', author: { id: ART_CHEN } });
    await t.http.post(url('comments')).set(as('research.sun')).send({ atS: 12, text: '导入自然' }).expect(201);
    const bad = await t.http.post(url('comments')).set(as('research.sun')).send({ atS: -1, text: 'x' }).expect(400);
    expect(bad.body.message).toContain('atS');
    await t.http.post(url('comments')).set(as('research.sun')).send({ atS: 3, text: '  ' }).expect(400);
    const list = (await t.http.get(url('comments')).set(as('music.li')).expect(200)).body as TimedCommentView[];
    expect(list.map((c) => [c.atS, c.text])).toEqual([
      [12, '导入自然'],
      [95.5, '提问有层次'],
    ]);
    const report = (await t.http.get(url('report')).set(as('music.li')).expect(200)).body as EvaluationReportView;
    expect(report.comments.map((c) => c.atS)).toEqual([12, 95.5]);
  });

  it('answers null statistics for an activity without submitted evaluations', async () => {
    const groupId = await insertGroup(t, DEMO.user.englishZhao, []);
    const empty = await insertActivity(t, groupId, DEMO.user.englishZhao);
    const report = (await t.http.get(url('report', empty)).set(as('admin')).expect(200)).body as EvaluationReportView;
    expect(report.evaluations).toBe(0);
    expect(report.total).toBeNull();
    expect(report.dimensions.every((d) => d.stats === null)).toBe(true);
  });

  describe('同课异构 compare', () => {
    const compare = (user: string, ids: string[]) =>
      t.http
        .get('/api/research/compare')
        .query({ activityIds: ids.join(',') })
        .set(as(user));

    it('refuses fewer than 2 or more than 4 lessons (400)', async () => {
      const ids = Array.from({ length: 5 }, () => new Types.ObjectId().toHexString());
      expect((await compare('music.li', ids.slice(0, 1)).expect(400)).body.message).toContain('compare 2-4 lessons');
      expect((await compare('music.li', ids).expect(400)).body.message).toContain('compare 2-4 lessons');
      await compare('music.li', ['nope', 'nada']).expect(400);
    });

    it('lists the chosen lessons with their plan and report, and 404s on an unreadable one', async () => {
      const groupId = (await t.app.get(ResearchActivityRepository).findByIdForAccess(new Types.ObjectId(activityId)))!
        .groupId;
      const plan = await t.http
        .post('/api/research/plans')
        .set(as('music.li'))
        .send({ groupId: groupId.toHexString(), title: '《春晓》教案', topic: '春晓', subject: 'music', grade: 4 })
        .expect(201);
      const second = await insertActivity(t, groupId.toHexString(), DEMO.user.englishZhao, { title: '《春晓》二' });
      await t.app
        .get(ResearchActivityRepository)
        .update(new Types.ObjectId(DEMO.community), new Types.ObjectId(second), {
          planId: new Types.ObjectId(plan.body.id),
        });

      const view = (await compare('art.chen', [activityId, second]).expect(200)).body as CompareView;
      expect(view.lessons.map((l) => l.activity.id)).toEqual([activityId, second]);
      expect(view.lessons[0]!.report.evaluations).toBe(3);
      expect(view.lessons[0]!.plan).toBeUndefined();
      expect(view.lessons[1]!.activity.teacher.id).toBe(DEMO.user.englishZhao);
      expect(view.lessons[1]!.plan?.view).toMatchObject({ id: plan.body.id, title: '《春晓》教案', access: 'read' });
      expect(view.lessons[1]!.plan?.content).toBeDefined();
      expect(view.lessons[1]!.report.total).toBeNull();

      const foreignGroup = await insertGroup(t, DEMO.user.englishZhao, []);
      const foreign = await insertActivity(t, foreignGroup, DEMO.user.englishZhao);
      await compare('art.chen', [activityId, foreign]).expect(404);
    });
  });
});
