import { Logger } from '@nestjs/common';
import { RedisService } from '@tongke/core';
import { Types } from 'mongoose';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { ResourceRepository } from '../../library/resources/resource.repository';
import { createResource, publish } from '../../library/resources/testing/library-test.support';
import { localDate } from '../../live/policy/local-dates';
import { LiveSessionRepository } from '../../live/repositories/live-session.repository';
import { DEMO } from '../../org/testing/org-test.support';
import { groupWithPlan } from '../../research/collab/testing/collab-fixture';
import { CollabTestClient } from '../../research/collab/testing/collab-test.client';
import { InsightRollupReader } from '../rollups/insight-rollup.reader';
import { InsightRollupWriter } from '../rollups/insight-rollup.writer';
import { InsightQueueStore } from '../signals/insight-queue.store';
import { DIRTY_FACTS_KEY, lessonFactKey } from '../signals/insight-signal.keys';
import { InsightSignals } from '../signals/insight-signals.service';
import { InsightCatchUp } from './insight-catch-up.service';
import { InsightDrainer, MAX_ATTEMPTS } from './insight-drainer.service';
import { InsightRebuildService } from './insight-rebuild.service';
import { LessonFactsService } from './lesson-facts.service';

const ZONE = 'Asia/Shanghai';
const oid = (id: string) => new Types.ObjectId(id);
const { urban: URBAN, dahu: DAHU } = DEMO.school;
const { musicLi: LI, englishZhao: ZHAO } = DEMO.user;
const NOW = Date.now();
const DAY_MS = 24 * 60 * 60_000;
const day = (offsetDays: number) => localDate(new Date(NOW + offsetDays * DAY_MS), ZONE);

/** Lost signals, races with rebuilds, failing keys and events: how the insight sources recover. */
describe(InsightDrainer.name, () => {
  let t: ApiTestApp;
  let drainer: InsightDrainer;

  const sums = async (from: string, to: string) => {
    const all = await t.app.get(InsightRollupReader).sumRange([DEMO.community], from, to);
    return Object.fromEntries(Object.entries(all.get(DEMO.community) ?? {}).filter(([, v]) => v !== 0));
  };
  const scheduled = (offsetDays: number, classroomIds: string[]) =>
    t.app.get(LiveSessionRepository).create({
      communityId: oid(DEMO.community),
      kind: 'scheduled',
      title: '美术',
      subject: 'art',
      grade: 4,
      leadTeacherId: oid(LI),
      classroomIds: classroomIds.map(oid),
      plannedStart: new Date(NOW + offsetDays * DAY_MS),
      plannedEnd: new Date(NOW + offsetDays * DAY_MS + 40 * 60_000),
      createdBy: oid(LI),
    });

  beforeAll(async () => {
    t = await startApiTestApp(67, { listen: 0 });
    drainer = t.app.get(InsightDrainer);
    // Only drainNow works the queues here (no background rounds, no timed sweep).
    await drainer.onModuleDestroy();
  });
  afterAll(async () => {
    await t?.close();
  });

  const queue = () => t.app.get(InsightQueueStore);
  const planned = (schoolId: string) => ({ 'c.les.sch': 1, [`s.${URBAN}.led.sch`]: 1, [`s.${schoolId}.rcv.sch`]: 1 });

  beforeEach(() => {
    jest.spyOn(InsightCatchUp.prototype, 'sweepIfDue').mockResolvedValue(0);
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('finds a lesson whose signal was lost in the catch-up sweep', async () => {
    const lost = await scheduled(4, [DEMO.classroom.dahu]);
    expect(await queue().popDirty(10_000)).toContain(lessonFactKey(lost._id.toHexString())); // lost
    await drainer.drainNow();
    expect(await sums(day(4), day(4))).toEqual({});
    expect(await t.app.get(InsightCatchUp).sweep()).toBeGreaterThan(0);
    await drainer.drainNow();
    expect(await sums(day(4), day(4))).toEqual(planned(DAHU));
  });

  it('marks sources written during a rebuild dirty, so the rebuild does not overwrite them', async () => {
    const past = await scheduled(-4, [DEMO.classroom.dahu]);
    await drainer.drainNow();
    expect(await sums(day(-4), day(-4))).toEqual(planned(DAHU));
    const writer = t.app.get(InsightRollupWriter);
    const replace = writer.replaceFacts.bind(writer);
    jest.spyOn(writer, 'replaceFacts').mockImplementationOnce(async (...args) => {
      // The lesson is missed and the drainer counts it after the rebuild read the sources.
      await t.app.get(LiveSessionRepository).markMissed([past._id], new Date());
      await drainer.drainNow();
      return replace(...args);
    });
    await t.app.get(InsightRebuildService).rebuildCommunity(DEMO.community);
    await drainer.drainNow();
    const missed = { ...planned(DAHU), 'c.les.mis': 1, [`s.${URBAN}.led.mis`]: 1, [`s.${DAHU}.rcv.mis`]: 1 };
    expect(await sums(day(-4), day(-4))).toEqual(missed);
  });

  it('moves a key that keeps failing to the dead letters', async () => {
    jest.spyOn(t.app.get(LessonFactsService), 'refresh').mockRejectedValue(new Error('poison'));
    const key = lessonFactKey(new Types.ObjectId().toHexString());
    await queue().markDirty([key]);
    for (let i = 0; i < MAX_ATTEMPTS - 1; i++) await drainer.drainNow();
    expect(await t.app.get(RedisService).setMembers(DIRTY_FACTS_KEY)).toContain(key);
    await drainer.drainNow();
    expect(await t.app.get(RedisService).setMembers(DIRTY_FACTS_KEY)).not.toContain(key);
    const dead = (await queue().deadLetters()).map((l) => JSON.parse(l) as object);
    expect(dead).toContainEqual(expect.objectContaining({ key, error: 'Error: poison' }));
  });

  it('retries a failed library side alone', async () => {
    const resource = await createResource(
      t,
      { communityId: DEMO.community, userId: LI },
      { title: '《彼得与狼》', subject: 'music', grade: 4 },
    );
    await publish(t, resource);
    const rid = resource._id.toHexString();
    jest.spyOn(t.app.get(ResourceRepository), 'findByIdForService').mockRejectedValueOnce(new Error('blip'));
    await t.app
      .get(InsightSignals)
      .used({ kind: 'lib.download', userId: ZHAO, resourceId: rid, at: new Date(NOW).toISOString() });
    await drainer.drainNow(); // the resource side fails and is queued again
    await drainer.drainNow();
    const counted = await sums(day(0), day(0));
    expect([counted[`s.${URBAN}.lib.d`], counted[`c.res.${rid}.d`]]).toEqual([1, 1]);
  });

  it('queues one plan edit for many stored updates of a co-editor', async () => {
    const push = jest.spyOn(queue(), 'pushEvents');
    const { docId } = await groupWithPlan(t, '集体备课：长笛');
    const client = await CollabTestClient.connect(t.url as string, await t.login('english.zhao'));
    try {
      await client.join(docId);
      for (const word of ['一', '二', '三']) {
        client.text().insert(0, word);
        expect(await client.flush()).toEqual([]);
      }
    } finally {
      client.close();
    }
    const edits = push.mock.calls.flat(2).filter((e) => (JSON.parse(e) as { kind: string }).kind === 'plan.edit');
    expect(edits).toHaveLength(1);
    await drainer.drainNow();
    const counted = await sums(day(0), day(0));
    expect([counted[`s.${URBAN}.rs.plan`], counted[`s.${URBAN}.t.${ZHAO}.plan`]]).toEqual([1, 1]);
  });
});
