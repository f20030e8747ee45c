import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { InsightQueueStore } from './insight-queue.store';

describe(InsightQueueStore.name, () => {
  let t: ApiTestApp;
  let store: InsightQueueStore;

  beforeAll(async () => {
    t = await startApiTestApp(75);
    store = t.app.get(InsightQueueStore);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('marks tens of thousands of keys dirty at once (a catch-up sweep over a district) and pops each once', async () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `les:bulk${i}`);
    await store.markDirty([...keys, ...keys.slice(0, 10)]);
    const popped = new Set<string>();
    for (let batch = await store.popDirty(5000); batch.length > 0; batch = await store.popDirty(5000)) {
      for (const key of batch) if (key.startsWith('les:bulk')) popped.add(key);
    }
    expect(popped.size).toBe(keys.length);
  });

  it('keeps the order of many events pushed at once', async () => {
    const events = Array.from({ length: 2500 }, (_, i) => JSON.stringify({ n: i }));
    await store.pushEvents(events);
    const out: string[] = [];
    for (let batch = await store.popEvents(1000); batch.length > 0; batch = await store.popEvents(1000))
      out.push(...batch);
    expect(out.filter((e) => e.startsWith('{"n":'))).toEqual(events);
  });
});
