import { Logger } from '@nestjs/common';
import { InsightLockBusyError } from '../rollups/insight-lock-busy.error';
import type { InsightRollupWriter } from '../rollups/insight-rollup.writer';
import type { InsightQueueStore } from '../signals/insight-queue.store';
import type { InsightCatchUp } from './insight-catch-up.service';
import { InsightDrainer, MAX_ATTEMPTS } from './insight-drainer.service';
import type { LessonFactsService } from './lesson-facts.service';
import type { ResearchFactsService } from './research-facts.service';
import type { UsageFactsService } from './usage-facts.service';

/** An in-memory stand-in for the Redis queues. */
function fakeQueue() {
  const dirty = new Set<string>();
  const events: string[] = [];
  const attempts = new Map<string, number>();
  const dead: object[] = [];
  const queue = {
    markDirty: jest.fn(async (keys: string[]) => void keys.forEach((k) => dirty.add(k))),
    popDirty: jest.fn(async (n: number) => {
      const popped = [...dirty].slice(0, n);
      popped.forEach((k) => dirty.delete(k));
      return popped;
    }),
    pushEvents: jest.fn(async (e: string[]) => void events.push(...e)),
    popEvents: jest.fn(async (n: number) => events.splice(0, n)),
    noteFailure: jest.fn(async (id: string) => {
      attempts.set(id, (attempts.get(id) ?? 0) + 1);
      return attempts.get(id) as number;
    }),
    clearAttempts: jest.fn(async (ids: string[]) => void ids.forEach((id) => attempts.delete(id))),
    deadLetter: jest.fn(async (letter: object) => void dead.push(letter)),
  };
  return { queue, dirty, events, attempts, dead };
}

function setup() {
  const q = fakeQueue();
  const lessons = { refresh: jest.fn(async (_id: string) => undefined) };
  const research = {
    refreshEvaluation: jest.fn(async () => undefined),
    refreshActivity: jest.fn(async () => undefined),
  };
  const usage = { apply: jest.fn(async (_event: unknown) => undefined) };
  const writer = { repairDue: jest.fn(async () => []) };
  const catchUp = { sweepIfDue: jest.fn(async () => 0) };
  const drainer = new InsightDrainer(
    q.queue as unknown as InsightQueueStore,
    lessons as unknown as LessonFactsService,
    research as unknown as ResearchFactsService,
    usage as unknown as UsageFactsService,
    writer as unknown as InsightRollupWriter,
    catchUp as unknown as InsightCatchUp,
  );
  return { ...q, lessons, research, usage, writer, catchUp, drainer };
}

const view = { kind: 'lib.view', userId: 'u', resourceId: 'r', at: '2030-03-04T02:00:00.000Z', side: 'viewer' };

describe(InsightDrainer.name, () => {
  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('routes each fact key to its source and counts each event', async () => {
    const s = setup();
    await s.queue.markDirty(['les:a', 'eval:b', 'act:c']);
    await s.queue.pushEvents([JSON.stringify(view), JSON.stringify(view)]);
    await s.drainer.drainNow();
    expect(s.lessons.refresh).toHaveBeenCalledWith('a');
    expect(s.research.refreshEvaluation).toHaveBeenCalledWith('b');
    expect(s.research.refreshActivity).toHaveBeenCalledWith('c');
    expect(s.usage.apply).toHaveBeenCalledTimes(2);
    expect(s.dirty.size + s.events.length).toBe(0);
  });

  it('puts a failed key or event back and logs it', async () => {
    const s = setup();
    s.lessons.refresh.mockRejectedValueOnce(new Error('db down'));
    s.usage.apply.mockRejectedValueOnce(new Error('db down'));
    await s.queue.markDirty(['les:a']);
    await s.queue.pushEvents([JSON.stringify(view)]);
    await s.drainer.drainNow();
    expect([...s.dirty]).toEqual(['les:a']);
    expect(s.events).toEqual([JSON.stringify(view)]);
    expect(Logger.prototype.error).toHaveBeenCalledTimes(2);
    await s.drainer.drainNow();
    expect(s.dirty.size + s.events.length).toBe(0);
    expect(s.lessons.refresh).toHaveBeenCalledTimes(2);
  });

  it('drops malformed events and unknown keys', async () => {
    const s = setup();
    await s.queue.markDirty(['nope:1']);
    await s.queue.pushEvents([
      'not json',
      JSON.stringify({ kind: 'lib.view' }),
      JSON.stringify({ ...view, kind: 'x' }),
    ]);
    await s.drainer.drainNow();
    expect(s.usage.apply).not.toHaveBeenCalled();
    expect(s.dirty.size + s.events.length).toBe(0);
  });

  it('works on up to 4 keys at once, and repairs and sweeps every round', async () => {
    const s = setup();
    let active = 0;
    let most = 0;
    s.lessons.refresh.mockImplementation(async () => {
      most = Math.max(most, ++active);
      await new Promise((r) => setTimeout(r, 5));
      active--;
    });
    await s.queue.markDirty(Array.from({ length: 10 }, (_, i) => `les:${i}`));
    await s.drainer.drainNow();
    expect(s.lessons.refresh).toHaveBeenCalledTimes(10);
    expect(most).toBe(4);
    expect(s.writer.repairDue).toHaveBeenCalled();
    expect(s.catchUp.sweepIfDue).toHaveBeenCalled();
  });

  it('puts back a key whose community is busy, without counting it as a failure', async () => {
    const s = setup();
    s.lessons.refresh.mockRejectedValueOnce(new InsightLockBusyError('c', 1000));
    await s.queue.markDirty(['les:a', 'les:b']);
    await s.drainer.drainNow();
    expect(s.lessons.refresh.mock.calls.map(([id]) => id).sort()).toEqual(['a', 'a', 'b']);
    expect(s.queue.noteFailure).not.toHaveBeenCalled();
    expect(s.dirty.size).toBe(0);
  });

  it('moves a key or event that keeps failing to the dead letters after MAX_ATTEMPTS', async () => {
    const s = setup();
    s.lessons.refresh.mockRejectedValue(new Error('poison'));
    s.usage.apply.mockRejectedValue(new Error('poison'));
    await s.queue.markDirty(['les:bad']);
    await s.queue.pushEvents([JSON.stringify(view)]);
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) await s.drainer.drainNow();
    expect(s.lessons.refresh).toHaveBeenCalledTimes(MAX_ATTEMPTS);
    expect(s.usage.apply).toHaveBeenCalledTimes(MAX_ATTEMPTS);
    expect(s.dead).toEqual([
      expect.objectContaining({ key: 'les:bad', error: 'Error: poison' }),
      expect.objectContaining({ event: JSON.stringify(view) }),
    ]);
    expect(s.dirty.size + s.events.length + s.attempts.size).toBe(0);
  });

  it('queues a library use queued whole again split by side', async () => {
    const s = setup();
    const whole: Record<string, unknown> = { ...view };
    delete whole.side;
    await s.queue.pushEvents([JSON.stringify(whole)]);
    await s.drainer.drainNow();
    expect(s.usage.apply.mock.calls.map(([e]) => (e as { side: string }).side)).toEqual(['viewer', 'resource']);
  });

  it('keeps running rounds while full batches come', async () => {
    jest.useFakeTimers();
    const s = setup();
    await s.queue.markDirty(Array.from({ length: 250 }, (_, i) => `les:${i}`));
    s.drainer.onModuleInit();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(s.lessons.refresh).toHaveBeenCalledTimes(250);
    await s.drainer.onModuleDestroy();
    jest.useRealTimers();
  });

  it('runs on an unref’d timer from init until destroy', async () => {
    jest.useFakeTimers();
    const s = setup();
    s.drainer.onModuleInit();
    await s.queue.markDirty(['les:a']);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(s.lessons.refresh).toHaveBeenCalledWith('a');
    await s.drainer.onModuleDestroy();
    await s.queue.markDirty(['les:b']);
    await jest.advanceTimersByTimeAsync(5_000);
    expect(s.lessons.refresh).toHaveBeenCalledTimes(1);
    jest.useRealTimers();
  });
});
