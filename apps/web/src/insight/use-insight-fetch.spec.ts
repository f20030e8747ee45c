import { describe, expect, it, jest } from '@jest/globals';
import { effectScope, nextTick, ref } from 'vue';
import { useInsightFetch } from './use-insight-fetch';

jest.mock('vue-i18n', () => ({
  useI18n: () => ({ t: (key: string, v?: { message?: string }) => `${key}:${v?.message ?? ''}`, te: () => false }),
}));

/** A load whose answers the test releases one by one. */
function deferredLoads() {
  const pending: { key: string; resolve: (v: string) => void }[] = [];
  const key = ref<string | null>('a');
  const load = jest.fn(
    () =>
      new Promise<string>((resolve) => {
        pending.push({ key: key.value ?? '', resolve });
      }),
  );
  return { pending, key, load };
}

const flush = async () => {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
  await nextTick();
};

describe(useInsightFetch.name, () => {
  it('skips a poll while a request is in flight, and polls again once it answered', async () => {
    const { pending, key, load } = deferredLoads();
    const f = effectScope().run(() => useInsightFetch(() => key.value, load, { keepData: true }))!;
    expect(load).toHaveBeenCalledTimes(1);
    await f.poll();
    await f.poll();
    expect(load).toHaveBeenCalledTimes(1);
    pending[0].resolve('first');
    await flush();
    expect(f.data.value).toBe('first');
    void f.poll();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does not mark polls as loading (no busy flicker) but does for a new key', async () => {
    const { pending, key, load } = deferredLoads();
    const f = effectScope().run(() => useInsightFetch(() => key.value, load, { keepData: true }))!;
    expect(f.loading.value).toBe(true);
    pending[0].resolve('first');
    await flush();
    expect(f.loading.value).toBe(false);
    void f.poll();
    expect(load).toHaveBeenCalledTimes(2);
    expect(f.loading.value).toBe(false);
    pending[1].resolve('second');
    await flush();
    expect([f.data.value, f.loading.value]).toEqual(['second', false]);
  });

  it('lets a changed key supersede an in-flight poll; the stale answer is dropped', async () => {
    const { pending, key, load } = deferredLoads();
    const f = effectScope().run(() => useInsightFetch(() => key.value, load, { keepData: true }))!;
    pending[0].resolve('a1');
    await flush();
    void f.poll();
    key.value = 'b';
    await flush();
    expect(load).toHaveBeenCalledTimes(3);
    expect(pending[2].key).toBe('b');
    pending[2].resolve('b1');
    await flush();
    pending[1].resolve('a2 (stale)');
    await flush();
    expect(f.data.value).toBe('b1');
    void f.poll();
    expect(load).toHaveBeenCalledTimes(4);
  });

  it('does not poll without a key', async () => {
    const { key, load } = deferredLoads();
    key.value = null;
    const f = effectScope().run(() => useInsightFetch(() => key.value, load))!;
    await f.poll();
    expect(load).not.toHaveBeenCalled();
    expect(f.data.value).toBeNull();
  });
});
