import { Logger } from '@nestjs/common';
import type { InsightQueueStore } from './insight-queue.store';
import { splitUsageEvent } from './insight-signal.keys';
import { InsightSignals } from './insight-signals.service';

function setup() {
  const pushed: string[] = [];
  const queue = {
    markDirty: jest.fn(async () => undefined),
    pushEvents: jest.fn(async (events: string[]) => void pushed.push(...events)),
  };
  return { pushed, queue, signals: new InsightSignals(queue as unknown as InsightQueueStore) };
}

const edit = { kind: 'plan.edit' as const, userId: 'u', planId: 'p', at: '2030-03-04T02:00:00.000Z' };

describe(InsightSignals.name, () => {
  afterEach(() => jest.restoreAllMocks());

  it('queues a plan edit once per plan, user and bucket', async () => {
    const s = setup();
    for (let i = 0; i < 20; i++) await s.signals.used({ ...edit, at: `2030-03-04T02:0${i % 10}:00.000Z` });
    await s.signals.used({ ...edit, userId: 'v' });
    expect(s.pushed.map((e) => (JSON.parse(e) as { userId: string }).userId)).toEqual(['u', 'v']);
  });

  it('queues a plan edit again when queueing it failed', async () => {
    const s = setup();
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    s.queue.pushEvents.mockRejectedValueOnce(new Error('redis down'));
    await s.signals.used(edit);
    await s.signals.used(edit);
    expect(s.pushed).toHaveLength(1);
  });

  it('queues a library use as two events, one per side', async () => {
    const s = setup();
    const view = { kind: 'lib.view' as const, userId: 'u', resourceId: 'r', at: edit.at };
    await s.signals.used(view);
    expect(s.pushed.map((e) => JSON.parse(e) as object)).toEqual([
      { ...view, side: 'viewer' },
      { ...view, side: 'resource' },
    ]);
    expect(splitUsageEvent(edit)).toEqual([edit]);
  });
});
