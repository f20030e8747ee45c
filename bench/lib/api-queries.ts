import type { LoginResponse } from '@tongke/contracts';
import type { DateTime } from 'luxon';
import type { BenchCommunity } from './district.plan';
import type { SeededDistrict } from './seed-district';

/** One request of a query mix: a path and the bearer token to send it with. */
export interface BenchTarget {
  path: string;
  token: string;
}

export interface BenchQuery {
  name: string;
  targets: BenchTarget[];
}

/** Signed-in tokens of a sample of the district's accounts. */
export interface BenchTokens {
  teachers: string[];
  terminals: string[];
  /** Community admin of each sampled community, by community id. */
  admins: Map<string, string>;
  sample: BenchCommunity[];
}

/** Communities whose accounts the bench signs in (spread over the district). */
const SAMPLE_COMMUNITIES = 20;
const SIGN_IN_CONCURRENCY = 2;

async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as LoginResponse).accessToken;
}

async function pooled<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

/** Signs in, per sampled community, its admin, one lead teacher and one terminal. */
export async function signIn(baseUrl: string, district: SeededDistrict, password: string): Promise<BenchTokens> {
  const step = Math.max(1, Math.floor(district.communities.length / SAMPLE_COMMUNITIES));
  const sample = district.communities.filter((_, i) => i % step === 0).slice(0, SAMPLE_COMMUNITIES);
  const started = Date.now();
  const who = sample.flatMap((c, i) => [
    c.admin,
    c.teachers[i % c.teachers.length].username,
    c.terminals[(i * 7) % c.terminals.length].username,
  ]);
  const tokens = await pooled(who, SIGN_IN_CONCURRENCY, (u) => login(baseUrl, u, password));
  console.log(`sign-in: ${who.length} accounts in ${Date.now() - started} ms`);
  return {
    admins: new Map(sample.map((c, i) => [c.id, tokens[i * 3]])),
    teachers: sample.map((_, i) => tokens[i * 3 + 1]),
    terminals: sample.map((_, i) => tokens[i * 3 + 2]),
    sample,
  };
}

/** Monday..Sunday of the current week and its two neighbours. */
function weeks(now: DateTime): { from: string; to: string }[] {
  return [-1, 0, 1].map((w) => {
    const monday = now.startOf('week').plus({ weeks: w });
    return { from: monday.toISODate() ?? '', to: monday.plus({ days: 6 }).toISODate() ?? '' };
  });
}

function weekViews(tokens: BenchTokens, now: DateTime, pick: (c: BenchCommunity) => string[]): BenchTarget[] {
  return tokens.sample.flatMap((c) =>
    weeks(now).flatMap((w) =>
      pick(c).map((filter) => ({
        path: `/api/communities/${c.id}/timetable?from=${w.from}&to=${w.to}&${filter}`,
        token: tokens.admins.get(c.id) ?? '',
      })),
    ),
  );
}

/** The query mixes: today's lessons (teacher, terminal), and week views per teacher, classroom and school. */
export function benchQueries(tokens: BenchTokens, now: DateTime): BenchQuery[] {
  const today = (list: string[]) => list.map((token) => ({ path: '/api/live-sessions/today', token }));
  return [
    { name: 'today (teacher)', targets: today(tokens.teachers) },
    { name: 'today (terminal)', targets: today(tokens.terminals) },
    { name: 'week per teacher', targets: weekViews(tokens, now, (c) => c.teachers.map((t) => `teacherId=${t.id}`)) },
    {
      name: 'week per classroom',
      targets: weekViews(tokens, now, (c) => c.classroomIds.slice(2, 8).map((id) => `classroomId=${id}`)),
    },
    {
      name: 'week per school',
      targets: weekViews(tokens, now, (c) => c.schoolIds.slice(0, 5).map((id) => `schoolId=${id}`)),
    },
    {
      name: 'baseline: auth guard only (GET /api/auth/me)',
      targets: tokens.teachers.map((token) => ({ path: '/api/auth/me', token })),
    },
  ];
}
