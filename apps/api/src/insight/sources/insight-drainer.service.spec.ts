import { Logger } from '@nestjs/common';
import type { InsightQueueStore } from '../signals/insight-queue.store';
import { InsightDrainer } from './insight-drainer.service';
import type { LessonFactsService } from './lesson-facts.service';
import type { ResearchFactsService } from './research-facts.service';
import type { UsageFactsService } from './usage-facts.service';

/** An in-memory stand-in for the Redis queues. */
function fakeQueue() {
  const dirty = new Set<string>();
  const events: string[] = [];
  const queue = {
    markDirty: jest.fn(async (keys: string[]) => void keys.forEach((k) => dirty.add(k))),
    popDirty: jest.fn(async (n: number) => {
      const popped = [...dirty].slice(0, n);
      popped.forEach((k) => dirty.delete(k));
      return popped;
    }),
    pushEvents: jest.fn(async (e: string[]) => void events.push(...e)),
    popEvents: jest.fn(async (n: number) => events.splice(0, n)),
  };
  return { queue, dirty, events };
}

function setup() {
  const q = fakeQueue();
  const lessons = { refresh: jest.fn(async () => undefined) };
  const research = {
    refreshEvaluation: jest.fn(async () => undefined),
    refreshActivity: jest.fn(async () => undefined),
  };
  const usage = { apply: jest.fn(async () => undefined) };
  const drainer = new InsightDrainer(
    q.queue as unknown as InsightQueueStore,
    lessons as unknown as LessonFactsService,
    research as unknown as ResearchFactsService,
    usage as unknown as UsageFactsService,
  );
  return { ...q, lessons, research, usage, drainer };
}

const view = { kind: 'lib.view', userId: 'u', resourceId: 'r', at: '2030-03-04T02:00:00.000Z' };

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

  it('never refreshes one fact twice at once, and refreshes it again when it changed meanwhile', async () => {
    const s = setup();
    let active = 0;
    let most = 0;
    let release: () => void = () => undefined;
    s.lessons.refresh.mockImplementation(async () => {
      most = Math.max(most, ++active);
      await new Promise<void>((r) => (release = r));
      active--;
    });
    const refresh = (s.drainer as unknown as { refresh(k: string): Promise<boolean> }).refresh.bind(s.drainer);
    const first = refresh('les:a');
    const second = refresh('les:a');
    const third = refresh('les:a');
    await Promise.resolve();
    release();
    await new Promise((r) => setImmediate(r));
    release();
    expect(await Promise.all([first, second, third])).toEqual([true, true, true]);
    expect(most).toBe(1);
    expect(s.lessons.refresh).toHaveBeenCalledTimes(2);
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
