import { describe, expect, it, jest } from '@jest/globals';
import type { JoinLessonResponse } from '@tongke/contracts';
import { JoinTokenProvider } from './join-token.provider';

const MIN = 60_000;

function joinAnswer(token: string, expiresAt: number): JoinLessonResponse {
  return {
    token,
    mediaUrl: 'http://media.test',
    role: 'classroom' as JoinLessonResponse['role'],
    expiresAt: new Date(expiresAt).toISOString(),
    session: {} as JoinLessonResponse['session'],
  };
}

function setup(lifetimeMs = 5 * MIN) {
  let now = 1_000_000;
  let n = 0;
  const fetchJoin = jest.fn(async () => joinAnswer(`t${++n}`, now + lifetimeMs));
  const provider = new JoinTokenProvider({ fetchJoin, now: () => now });
  return { provider, fetchJoin, advance: (ms: number) => (now += ms) };
}

describe(JoinTokenProvider.name, () => {
  it('reuses a token younger than 4 minutes and fetches a fresh one after', async () => {
    const { provider, fetchJoin, advance } = setup();
    await expect(provider.token()).resolves.toBe('t1');
    advance(3 * MIN + 59_000);
    await expect(provider.token()).resolves.toBe('t1');
    advance(1000);
    await expect(provider.token()).resolves.toBe('t2');
    expect(fetchJoin).toHaveBeenCalledTimes(2);
  });

  it('refreshes earlier when the server gives a shorter lifetime', async () => {
    const { provider, advance } = setup(2 * MIN);
    await provider.token();
    advance(2 * MIN - 46_000);
    await expect(provider.token()).resolves.toBe('t1');
    advance(1000);
    await expect(provider.token()).resolves.toBe('t2');
  });

  it('falls back to the contract TTL when the local clock makes expiresAt implausible', () => {
    const fetchedAt = Date.parse('2026-01-01T10:00:00Z');
    const skewed = '2026-01-01T09:00:00Z'; // "expired an hour ago" by our clock
    expect(JoinTokenProvider.refreshAt(fetchedAt, skewed, 4 * MIN, 45_000)).toBe(fetchedAt + 4 * MIN);
    expect(JoinTokenProvider.refreshAt(fetchedAt, 'not a date', 4 * MIN, 45_000)).toBe(fetchedAt + 4 * MIN);
    const farFuture = '2026-01-02T10:00:00Z';
    expect(JoinTokenProvider.refreshAt(fetchedAt, farFuture, 4 * MIN, 45_000)).toBe(fetchedAt + 4 * MIN);
  });

  it('shares one API request between concurrent callers', async () => {
    const { provider, fetchJoin } = setup();
    const tokens = await Promise.all([provider.token(), provider.token(), provider.join()]);
    expect(tokens.map((t) => (typeof t === 'string' ? t : t.token))).toEqual(['t1', 't1', 't1']);
    expect(fetchJoin).toHaveBeenCalledTimes(1);
  });

  it('fetches again after invalidate() (the media node said TOKEN_EXPIRED)', async () => {
    const { provider } = setup();
    await provider.token();
    provider.invalidate();
    await expect(provider.token()).resolves.toBe('t2');
    expect(provider.latest?.token).toBe('t2');
  });

  it('passes a failed fetch on and retries on the next call', async () => {
    const fetchJoin = jest
      .fn<() => Promise<JoinLessonResponse>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValueOnce(joinAnswer('ok', Date.now() + 5 * MIN));
    const provider = new JoinTokenProvider({ fetchJoin });
    await expect(provider.token()).rejects.toThrow('offline');
    await expect(provider.token()).resolves.toBe('ok');
  });
});
