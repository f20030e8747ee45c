import { Logger } from '@nestjs/common';
import { Types } from 'mongoose';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import type { Contribution, Counters } from './insight-contribution';
import { accumulate, pruneZeros } from './insight-counter-map';
import { setTimeout as sleep } from 'node:timers/promises';
import { InsightDrainer } from '../sources/insight-drainer.service';
import { InsightDayTotalRepository } from './insight-day-total.repository';
import { InsightFactRepository } from './insight-fact.repository';
import { InsightMonthTotalRepository } from './insight-month-total.repository';
import { InsightProjector } from './insight.projector';
import { InsightRepairStore } from './insight-repair.store';
import { InsightRollupReader } from './insight-rollup.reader';
import { InsightRollupVersions } from './insight-rollup.versions';
import { InsightRollupWriter } from './insight-rollup.writer';

const newId = () => new Types.ObjectId().toHexString();
const SCHOOL = newId();

/** A seeded pseudo-random generator, so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** Σ of the facts' counters of the community over [from, to], brute force. */
function bruteSum(facts: Map<string, Contribution>, communityId: string, from: string, to: string): Counters {
  const sums: Counters = {};
  for (const f of facts.values()) {
    if (f.communityId === communityId && f.day >= from && f.day <= to) accumulate(sums, f.counters);
  }
  return pruneZeros(sums);
}

describe(InsightProjector.name, () => {
  let t: ApiTestApp;
  let projector: InsightProjector;
  let reader: InsightRollupReader;
  let writer: InsightRollupWriter;

  beforeAll(async () => {
    t = await startApiTestApp(64);
    // No background drain rounds here: the tests run the repairs themselves.
    await t.app.get(InsightDrainer).onModuleDestroy();
    projector = t.app.get(InsightProjector);
    reader = t.app.get(InsightRollupReader);
    writer = t.app.get(InsightRollupWriter);
  });
  afterAll(() => t?.close());

  const sum = async (c: string, from: string, to: string) => (await reader.sumRange([c], from, to)).get(c);

  it('puts, corrects, moves and deletes a fact', async () => {
    const c = newId();
    const rcv = `s.${SCHOOL}.rcv.del`;
    await projector.put('les:a', { communityId: c, day: '2024-03-10', counters: { 'c.les.del': 1, [rcv]: 1 } });
    await projector.put('les:b', { communityId: c, day: '2024-03-12', counters: { 'c.les.del': 1, 'c.min': 40 } });
    expect(await sum(c, '2024-03-01', '2024-03-31')).toEqual({ 'c.les.del': 2, 'c.min': 40, [rcv]: 1 });
    expect(await sum(c, '2024-03-11', '2024-03-20')).toEqual({ 'c.les.del': 1, 'c.min': 40 });

    // corrected after the fact: delivered → missed
    await projector.put('les:a', { communityId: c, day: '2024-03-10', counters: { 'c.les.mis': 1 } });
    expect(await sum(c, '2024-03-10', '2024-03-10')).toEqual({ 'c.les.mis': 1 });

    // moved to another day (in another month), then to another community
    await projector.put('les:b', { communityId: c, day: '2024-04-02', counters: { 'c.les.del': 1, 'c.min': 45 } });
    expect(await sum(c, '2024-03-01', '2024-03-31')).toEqual({ 'c.les.mis': 1 });
    expect(await sum(c, '2024-04-01', '2024-04-02')).toEqual({ 'c.les.del': 1, 'c.min': 45 });
    const other = newId();
    await projector.put('les:b', { communityId: other, day: '2024-04-02', counters: { 'c.les.del': 1 } });
    expect(await sum(c, '2024-04-01', '2024-04-30')).toEqual({});
    expect(await sum(other, '2024-04-01', '2024-04-30')).toEqual({ 'c.les.del': 1 });

    await projector.put('les:a', null);
    await projector.put('les:none', null);
    expect(await sum(c, '2024-01-01', '2024-12-31')).toEqual({});
  });

  it('adds counted events to one fact', async () => {
    const c = newId();
    const view = { communityId: c, day: '2024-05-31', counters: { [`s.${SCHOOL}.lib.v`]: 1 } };
    await projector.add('lib:x:2024-05-31', view);
    await projector.add('lib:x:2024-05-31', view);
    expect(await sum(c, '2024-05-31', '2024-06-02')).toEqual({ [`s.${SCHOOL}.lib.v`]: 2 });
    await expect(projector.add('lib:x:2024-05-31', { ...view, day: '2024-06-01' })).rejects.toThrow(/belongs to/);
    // the fact holds the total: replacing it applies the difference
    await projector.put('lib:x:2024-05-31', { ...view, counters: { [`s.${SCHOOL}.lib.v`]: 5 } });
    expect(await sum(c, '2024-05-01', '2024-05-31')).toEqual({ [`s.${SCHOOL}.lib.v`]: 5 });
  });

  it('ignores a put older than the stored fact', async () => {
    const c = newId();
    await projector.put('eval:v', { communityId: c, day: '2024-02-01', counters: { 'c.min': 10 }, version: 5 });
    await projector.put('eval:v', { communityId: c, day: '2024-02-01', counters: { 'c.min': 99 }, version: 4 });
    expect(await sum(c, '2024-02-01', '2024-02-29')).toEqual({ 'c.min': 10 });
    await projector.put('eval:v', { communityId: c, day: '2024-02-01', counters: { 'c.min': 20 }, version: 6 });
    expect(await sum(c, '2024-02-01', '2024-02-29')).toEqual({ 'c.min': 20 });
  });

  it('rejects malformed contributions and ranges', async () => {
    const c = newId();
    await expect(projector.put('k', { communityId: 'nope', day: '2024-02-01', counters: {} })).rejects.toThrow(
      /community id/,
    );
    await expect(projector.put('k', { communityId: c, day: '2024-02-30', counters: {} })).rejects.toThrow(/local day/);
    await expect(projector.add('k', { communityId: c, day: '2024-02-01', counters: { 'c.x': NaN } })).rejects.toThrow(
      /finite/,
    );
    await expect(projector.put('k', { communityId: c, day: '2024-02-01', counters: { 'c.$x': 1 } })).rejects.toThrow(
      /path/,
    );
    await expect(reader.sumRange([c], '2024-03-01', '2024-02-01')).rejects.toThrow(/after it ends/);
  });

  it('loses no delta under 30 concurrent puts on one community', async () => {
    const c = newId();
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        projector.put(`les:p${i}`, {
          communityId: c,
          day: `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`,
          counters: { 'c.les.sch': 1 },
        }),
      ),
    );
    await Promise.all(
      Array.from({ length: 10 }, () =>
        projector.add('lib:same', { communityId: c, day: '2024-01-31', counters: { 'c.res.r1.v': 1 } }),
      ),
    );
    expect(await sum(c, '2024-01-01', '2024-01-31')).toEqual({ 'c.les.sch': 30, 'c.res.r1.v': 10 });
    expect(await sum(c, '2024-01-02', '2024-01-30')).toEqual({ 'c.les.sch': 28 });
  });

  describe('failed and interrupted writes', () => {
    afterEach(() => jest.restoreAllMocks());
    const months = () => t.app.get(InsightMonthTotalRepository);
    const quiet = () => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);

    it('repairs a failed month increment; the retried put finds a zero diff', async () => {
      quiet();
      const c = newId();
      const fact = { communityId: c, day: '2024-07-10', counters: { 'c.les.del': 1, 'c.min': 40 } };
      jest.spyOn(months(), 'increment').mockRejectedValueOnce(new Error('month write lost'));
      await expect(projector.put('les:r1', fact)).rejects.toThrow(/queued for repair/);
      await projector.put('les:r1', fact); // the drainer's retry: nothing added twice
      expect(await sum(c, '2024-07-01', '2024-07-31')).toEqual({}); // the month totals missed it
      expect(await writer.repairDue()).toContain(c);
      expect(await sum(c, '2024-07-01', '2024-07-31')).toEqual({ 'c.les.del': 1, 'c.min': 40 });
      expect(await sum(c, '2024-07-10', '2024-07-12')).toEqual({ 'c.les.del': 1, 'c.min': 40 });
      expect(await writer.repairDue()).not.toContain(c); // the marker is gone
    });

    it('counts an event whose increment failed once, after the repair', async () => {
      quiet();
      const c = newId();
      const view = { communityId: c, day: '2024-07-20', counters: { 'c.res.r.v': 1 } };
      jest.spyOn(t.app.get(InsightDayTotalRepository), 'increment').mockRejectedValueOnce(new Error('lost'));
      // (the month was written, the days were not)
      await projector.add('libr:r:2024-07-20', view); // the fact holds it: not thrown, so not retried
      await projector.add('libr:r:2024-07-20', view);
      await writer.repairDue();
      expect(await sum(c, '2024-07-20', '2024-07-20')).toEqual({ 'c.res.r.v': 2 });
    });

    it('repairs a write that died between the fact and the increments once its marker falls due', async () => {
      quiet();
      const c = newId();
      jest.spyOn(months(), 'increment').mockRejectedValueOnce(new Error('crash'));
      jest.spyOn(t.app.get(InsightRepairStore), 'dueNow').mockRejectedValueOnce(new Error('crash'));
      const fact = { communityId: c, day: '2024-08-02', counters: { 'c.les.sch': 1 } };
      await expect(projector.put('les:r2', fact)).rejects.toThrow(/crash/);
      expect(await writer.repairDue()).not.toContain(c); // the dead apply's lock could still be held
      expect(await writer.repairDue(Date.now() + 31_000)).toContain(c);
      expect(await sum(c, '2024-08-01', '2024-08-31')).toEqual({ 'c.les.sch': 1 });
    });

    it('does not put back a fact whose source was deleted by a concurrent refresh', async () => {
      const c = newId();
      const fact = { communityId: c, day: '2024-08-05', counters: { 'c.les.sch': 1 } };
      const source = { exists: true };
      await projector.refresh('les:gone', async () => (source.exists ? fact : null));
      // A reads the source (still there) and is slow to write; meanwhile the source is deleted and B refreshes.
      const a = projector.refresh('les:gone', async () => {
        const seen = source.exists;
        await sleep(150);
        return seen ? fact : null;
      });
      await sleep(50);
      source.exists = false;
      const b = projector.refresh('les:gone', async () => (source.exists ? fact : null));
      await Promise.all([a, b]);
      expect(await t.app.get(InsightFactRepository).find('les:gone')).toBeNull();
      expect(await sum(c, '2024-08-01', '2024-08-31')).toEqual({});
    });

    it('sets a new random version after every fact written, even with a zero diff', async () => {
      const c = newId();
      const versions = t.app.get(InsightRollupVersions);
      const fact = { communityId: c, day: '2024-08-09', counters: { 'c.min': 5 } };
      await projector.put('les:v', fact);
      const [first] = await versions.current([c]);
      await projector.put('les:v', fact);
      const [second] = await versions.current([c]);
      expect(first).toMatch(/^[0-9a-f-]{36}$/);
      expect(second).not.toEqual(first);
    });
  });

  it('matches a brute-force sum after random puts, moves, deletes and adds; rebuilds and bulk replaces agree', async () => {
    const random = rng(7);
    const communities = [newId(), newId()];
    const paths = ['c.les.del', 'c.min', `s.${SCHOOL}.rcv.del`, `s.${SCHOOL}.rmin.math`, `s.${newId()}.stu`];
    const randomDay = () =>
      `2024-0${1 + Math.floor(random() * 3)}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    const randomFact = (): Contribution => ({
      communityId: random() < 0.85 ? communities[0] : communities[1],
      day: randomDay(),
      counters: Object.fromEntries(paths.filter(() => random() < 0.6).map((p) => [p, 1 + Math.floor(random() * 50)])),
    });
    const facts = new Map<string, Contribution>();
    for (let op = 0; op < 300; op++) {
      const key = `f:${Math.floor(random() * 150)}`;
      const roll = random();
      if (roll < 0.15) {
        await projector.put(key, null);
        facts.delete(key);
      } else if (roll < 0.25 && facts.has(key)) {
        const f = facts.get(key) as Contribution;
        const extra = { communityId: f.communityId, day: f.day, counters: { 'c.min': 3 } };
        await projector.add(key, extra);
        facts.set(key, { ...f, counters: accumulate({ ...f.counters }, extra.counters) });
      } else {
        const f = randomFact();
        await projector.put(key, f);
        facts.set(key, f);
      }
    }
    const checkRanges = async () => {
      for (let r = 0; r < 25; r++) {
        const [a, b] = [randomDay(), random() < 0.2 ? '2024-04-10' : randomDay()].sort();
        const from = random() < 0.2 ? '2023-12-20' : a;
        const ranged = await reader.sumRange(communities, from, b);
        for (const c of communities) expect(ranged.get(c)).toEqual(bruteSum(facts, c, from, b));
        const monthly = await reader.sumMonths(communities, from, b);
        for (const { month, sums } of monthly) {
          const mFrom = from > `${month}-01` ? from : `${month}-01`;
          const mTo = b < `${month}-31` ? b : `${month}-31`;
          for (const c of communities) expect(sums.get(c)).toEqual(bruteSum(facts, c, mFrom, mTo));
        }
      }
    };
    await checkRanges();

    for (const c of communities) await writer.rebuildRollups(c);
    await checkRanges();

    const own = (c: string) =>
      [...facts]
        .filter(([key, f]) => key.startsWith('f:') && f.communityId === c)
        .map(([key, contribution]) => ({ key, contribution }));
    const kept = { communityId: communities[0], day: '2024-02-15', counters: { 'c.les.can': 2 } };
    await projector.put('x:kept', kept);
    facts.set('x:kept', kept);
    for (const c of communities) await writer.replaceFacts(c, ['f:'], own(c));
    await checkRanges();

    // a bulk replace drops the prefixed facts it does not list, and keeps the others
    await writer.replaceFacts(communities[0], ['f:'], []);
    expect(await sum(communities[0], '2023-12-01', '2024-04-30')).toEqual({ 'c.les.can': 2 });
    await projector.put('f:1', null); // gone already: no change
    expect(await sum(communities[0], '2023-12-01', '2024-04-30')).toEqual({ 'c.les.can': 2 });
  }, 240_000);
});

describe(InsightRollupReader.name, () => {
  let one: ApiTestApp;
  let two: ApiTestApp;

  beforeAll(async () => {
    one = await startApiTestApp(65);
    // Another API process on the same database and Redis (how processes share version bumps).
    two = await startApiTestApp(65, { dbName: one.config.mongo.dbName });
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
  });

  it('sees another process’s write (its cache is invalidated by the version)', async () => {
    const c = newId();
    const day = { communityId: c, day: '2024-09-03', counters: { 'c.les.del': 1 } };
    await one.app.get(InsightProjector).put('les:shared', day);
    const reader = two.app.get(InsightRollupReader);
    expect((await reader.sumRange([c], '2024-09-01', '2024-09-30')).get(c)).toEqual({ 'c.les.del': 1 });
    await one.app.get(InsightProjector).put('les:shared', { ...day, counters: { 'c.les.del': 1, 'c.min': 40 } });
    expect((await reader.sumRange([c], '2024-09-01', '2024-09-30')).get(c)).toEqual({ 'c.les.del': 1, 'c.min': 40 });
    await one.app.get(InsightRollupWriter).replaceFacts(c, ['les:'], []);
    expect((await reader.sumRange([c], '2024-09-01', '2024-09-30')).get(c)).toEqual({});
  });
});
