// npm run bench:insight — latency of the insight dashboard API against a district of 400
// schools with a full term of lessons and their attendance. Seeds the bench district (see
// bench/lib/seed-district.ts) plus class groups, attendance and a district admin, builds the
// insight facts and rollups with the API's own InsightRebuildService (as a rebuild would),
// starts the API as its own process, and requests every dashboard view one at a time over a
// mix of scopes (district, each sampled community, a school) and ranges (the term so far, one
// month, the last 30 days, a range cutting months). Target: p95 ≤ 200 ms.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { loadApiConfig } from '@tongke/config';
import { BALANCE_INDICATOR_IDS, type LoginResponse } from '@tongke/contracts';
import { DateTime } from 'luxon';
import { createClient } from 'redis';
import { AppModule } from '../apps/api/src/app.module';
import { CATCH_UP_WATERMARK_KEY } from '../apps/api/src/insight/sources/insight-catch-up.service';
import { InsightRebuildService } from '../apps/api/src/insight/sources/insight-rebuild.service';
import { type ApiProcess, startApiProcess } from './lib/api-process';
import { percentile, report } from './lib/bench-report';
import { benchDbName, seedBenchDistrict, startBenchServices } from './lib/bench-services';
import { BENCH_DISTRICT } from './lib/district.plan';
import { BENCH_DISTRICT_NAME, type SeededDistrict } from './lib/seed-district';
import { type InsightExtras, seedInsightExtras } from './lib/seed-insight';

const PASSWORD = 'Tongke-bench-2026';
const TARGET_P95_MS = 200;
/** Rounds over the whole request mix (BENCH_ROUNDS). */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SAMPLE_COMMUNITIES = 4;
/** BENCH_COMMUNITIES shrinks the district for a quick trial run (default: 40 communities = 400 schools). */
const SHAPE = { ...BENCH_DISTRICT, communities: Number(process.env.BENCH_COMMUNITIES ?? BENCH_DISTRICT.communities) };
const VIEWS = ['overview', 'schools', 'coverage', 'trend', 'library'];

interface Target {
  name: string;
  /** Requests of one scope and range (one dashboard page); empty for range-less ones. */
  group: string;
  path: string;
  token: string;
}

async function rebuild(mongoUri: string, dbName: string, redisUrl: string, district: SeededDistrict): Promise<number> {
  const config = loadApiConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    MONGODB_URI: mongoUri,
    MONGODB_DB: dbName,
    REDIS_URL: redisUrl,
    JWT_SECRET: randomBytes(32).toString('hex'),
    SEED_DEMO: 'false',
  });
  // The seeded lessons are the rebuild's to count: the insight catch-up sweep (which would re-queue
  // everything written in the last minutes, i.e. the whole seed) starts from now.
  const redis = createClient({ url: redisUrl });
  await redis.connect();
  await redis.set(CATCH_UP_WATERMARK_KEY, String(Date.now()));
  await redis.quit();
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error'] });
  try {
    const rebuilder = app.get(InsightRebuildService);
    const started = Date.now();
    let facts = 0;
    for (const [i, c] of district.communities.entries()) {
      facts += (await rebuilder.rebuildCommunity(c.id)).facts;
      if ((i + 1) % 5 === 0 || i === district.communities.length - 1) {
        console.log(
          `rebuild: community ${i + 1}/${district.communities.length}, ${facts} facts (${Date.now() - started} ms)`,
        );
      }
    }
    return Date.now() - started;
  } finally {
    await app.close();
  }
}

async function login(baseUrl: string, username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as LoginResponse).accessToken;
}

/** Ranges a dashboard user picks: the term so far, the last full month, the last 30 days, one cutting months. */
function ranges(district: SeededDistrict): { name: string; from: string; to: string }[] {
  const today = DateTime.now().setZone(SHAPE.timeZone).startOf('day');
  const lastMonth = today.minus({ months: 1 });
  const iso = (d: DateTime) => d.toISODate() ?? '';
  return [
    { name: 'term', from: district.term.startsOn, to: district.term.endsOn },
    { name: 'month', from: iso(lastMonth.startOf('month')), to: iso(lastMonth.endOf('month')) },
    { name: '30d', from: iso(today.minus({ days: 29 })), to: iso(today) },
    { name: 'cut', from: iso(today.minus({ days: 45 })), to: iso(today.minus({ days: 10 })) },
  ];
}

async function targets(api: ApiProcess, district: SeededDistrict, extras: InsightExtras): Promise<Target[]> {
  const step = Math.max(1, Math.floor(district.communities.length / SAMPLE_COMMUNITIES));
  const sample = district.communities.filter((_, i) => i % step === 0).slice(0, SAMPLE_COMMUNITIES);
  const scopes = [{ name: 'district', token: await login(api.baseUrl, extras.districtAdmin), query: '' }];
  for (const c of sample) {
    const token = await login(api.baseUrl, c.admin);
    scopes.push({ name: 'community', token, query: `&communityId=${c.id}` });
    scopes.push({ name: 'school', token, query: `&communityId=${c.id}&schoolId=${c.schoolIds[1]}` });
  }
  const paths = [
    ...VIEWS.map((v) => `${v}?`),
    ...BALANCE_INDICATOR_IDS.map((i) => `balance?indicator=${i}&`),
    'export/schools?format=xlsx&',
  ];
  const ranged = scopes.flatMap((s) =>
    ranges(district).flatMap((r) =>
      paths.map((p) => ({
        name: `${p.split('?')[0]} · ${s.name}`,
        group: `${s.name}:${s.query}:${r.name}`,
        token: s.token,
        path: `/api/insight/${p}from=${r.from}&to=${r.to}${s.query}`,
      })),
    ),
  );
  const scopeViews = scopes.map((s) => ({
    name: `scopes · ${s.name}`,
    group: '',
    token: s.token,
    path: '/api/insight/scopes',
  }));
  return [...scopeViews, ...ranged];
}

async function timed(baseUrl: string, t: Target): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${baseUrl}${t.path}`, { headers: { authorization: `Bearer ${t.token}` } });
  const body = await res.arrayBuffer();
  if (!res.ok) throw new Error(`${t.path}: ${res.status} ${Buffer.from(body).toString().slice(0, 300)}`);
  return performance.now() - started;
}

interface Timings {
  /** Round 1: the first time each request is made (the API's rollup cache cold for its community). */
  first: number[];
  /** Rounds 2..ROUNDS, by view. */
  samples: Map<string, number[]>;
  /** Page opens: the requests the dashboard makes on opening, sent together, wall time. */
  pages: number[];
}

/** What opening the dashboard sends at once: scopes, then every card's view (one balance indicator). */
const PAGE_VIEWS = ['scopes', 'overview', 'coverage', 'trend', 'library', 'schools', 'balance'];

function pageOpens(all: Target[]): Target[][] {
  const groups = new Map<string, Target[]>();
  for (const t of all) {
    if (!t.group || !PAGE_VIEWS.includes(t.name.split(' · ')[0])) continue;
    if (t.path.includes('balance?') && !t.path.includes('indicator=lessons_per_student')) continue;
    groups.set(t.group, [...(groups.get(t.group) ?? []), t]);
  }
  return [...groups.values()].map((g) => [{ ...g[0], name: 'scopes', path: '/api/insight/scopes' }, ...g]);
}

async function drive(baseUrl: string, all: Target[]): Promise<Timings> {
  const timings: Timings = { first: [], samples: new Map(), pages: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const t of all) {
      const ms = await timed(baseUrl, t);
      if (round === 0) timings.first.push(ms);
      else timings.samples.set(t.name, [...(timings.samples.get(t.name) ?? []), ms]);
    }
    console.log(`round ${round + 1}/${ROUNDS}: ${all.length} requests`);
  }
  for (const page of pageOpens(all)) {
    const started = performance.now();
    await Promise.all(page.map((t) => timed(baseUrl, t)));
    timings.pages.push(performance.now() - started);
  }
  console.log(`page opens: ${timings.pages.length}`);
  return timings;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const figures = (s: number[]) => ({ p50_ms: round1(percentile(s, 50)), p95_ms: round1(percentile(s, 95)) });

function write(t: Timings, district: SeededDistrict, extras: InsightExtras, notes: string[]): void {
  const warm = [...t.samples.values()].flat();
  const all = figures([...t.first, ...warm]);
  const perView = [...t.samples.entries()].map(([name, s]) => ({ name, ...figures(s), requests: s.length }));
  const rows = [
    { metric: 'dashboard API p50 (every request, cold and warm)', value: all.p50_ms, unit: 'ms' },
    {
      metric: 'dashboard API p95 (every request, cold and warm)',
      value: all.p95_ms,
      unit: 'ms',
      target: `≤ ${TARGET_P95_MS}`,
    },
    { metric: 'first time each request is made (cold) p95', value: figures(t.first).p95_ms, unit: 'ms' },
    { metric: 'repeated requests (warm) p95', value: figures(warm).p95_ms, unit: 'ms' },
    { metric: 'page open (7 requests at once, wall time) p50', value: figures(t.pages).p50_ms, unit: 'ms' },
    { metric: 'page open (7 requests at once, wall time) p95', value: figures(t.pages).p95_ms, unit: 'ms' },
    ...perView.map((v) => ({ metric: `${v.name}: p95 (warm)`, value: v.p95_ms, unit: 'ms' })),
  ];
  const raw = {
    ...all,
    requests: t.first.length + warm.length,
    cold: figures(t.first),
    warm: figures(warm),
    page_open: { ...figures(t.pages), pages: t.pages.length },
    views: perView,
    district: { ...district.counts, ...extras, term: district.term },
  };
  report('insight', rows, raw, notes);
  if (all.p95_ms > TARGET_P95_MS) process.exitCode = 1;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tongke-bench-insight-'));
  const loadBefore = loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
  const services = await startBenchServices(dir);
  const dbName = benchDbName('benchinsight');
  let api: ApiProcess | undefined;
  try {
    const seeded = await seedBenchDistrict(services.mongoUri, dbName, SHAPE, PASSWORD, (conn) =>
      seedInsightExtras(conn, BENCH_DISTRICT_NAME, PASSWORD, (line) => console.log(line)),
    );
    const { district } = seeded;
    const extras = seeded.extra as InsightExtras;
    const rebuildMs = await rebuild(services.mongoUri, dbName, services.redisUrl, district);
    api = await startApiProcess({ mongoUri: services.mongoUri, dbName, redisUrl: services.redisUrl });
    console.log(`api: listening on ${api.baseUrl} (started in ${api.startMs} ms)`);
    const all = await targets(api, district, extras);
    const timings = await drive(api.baseUrl, all);
    const { communities, schools, classrooms, sessions } = district.counts;
    write(timings, district, extras, [
      `district: ${communities} communities, ${schools} schools, ${classrooms} classrooms, ${sessions} lessons ` +
        `(term ${district.term.startsOn}..${district.term.endsOn}), ${extras.attendance} attendance records, ` +
        `${extras.classGroups} class groups; seeded in ${district.seedMs} ms; facts and rollups rebuilt in ${rebuildMs} ms`,
      `store: ${process.env.BENCH_MONGODB_URI ? 'MongoDB at BENCH_MONGODB_URI' : 'embedded FerretDB 1.24 (SQLite)'}; ` +
        `Redis embedded; one API process (LOG_LEVEL=warn); requests one at a time from the bench process ` +
        `(load average before: ${loadBefore})`,
      `mix: ${all.length} requests per round (scopes, ${VIEWS.join(', ')}, balance × ${BALANCE_INDICATOR_IDS.length} ` +
        `indicators, the per-school XLSX export; district admin over the district, ${SAMPLE_COMMUNITIES} community ` +
        `admins over their community and one school; ranges: term, last month, last 30 days, a range cutting ` +
        `months), one at a time, ${ROUNDS} rounds: round 1 is each request's first time (the API's rollup cache ` +
        `cold for it), the target applies to every request of every round; then one page open per scope and ` +
        `range (the 7 requests the dashboard sends on opening, at once)`,
    ]);
  } finally {
    await api?.stop();
    await services.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
