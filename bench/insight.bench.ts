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
import { AppModule } from '../apps/api/src/app.module';
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
  const paths = [...VIEWS.map((v) => `${v}?`), ...BALANCE_INDICATOR_IDS.map((i) => `balance?indicator=${i}&`)];
  return scopes.flatMap((s) =>
    ranges(district).flatMap((r) =>
      paths.map((p) => ({
        name: `${p.split('?')[0]} · ${s.name}`,
        token: s.token,
        path: `/api/insight/${p}from=${r.from}&to=${r.to}${s.query}`,
      })),
    ),
  );
}

async function timed(baseUrl: string, t: Target): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${baseUrl}${t.path}`, { headers: { authorization: `Bearer ${t.token}` } });
  const body = await res.text();
  if (!res.ok) throw new Error(`${t.path}: ${res.status} ${body.slice(0, 300)}`);
  return performance.now() - started;
}

async function drive(baseUrl: string, all: Target[]): Promise<{ first: number[]; samples: Map<string, number[]> }> {
  const first: number[] = [];
  const samples = new Map<string, number[]>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const t of all) {
      const ms = await timed(baseUrl, t);
      if (round === 0) first.push(ms);
      else samples.set(t.name, [...(samples.get(t.name) ?? []), ms]);
    }
    console.log(`round ${round + 1}/${ROUNDS}: ${all.length} requests`);
  }
  return { first, samples };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function write(
  result: { first: number[]; samples: Map<string, number[]> },
  district: SeededDistrict,
  extras: InsightExtras,
  notes: string[],
): void {
  const all = [...result.samples.values()].flat();
  const p50 = round1(percentile(all, 50));
  const p95 = round1(percentile(all, 95));
  const perView = [...result.samples.entries()].map(([name, s]) => ({
    name,
    p50_ms: round1(percentile(s, 50)),
    p95_ms: round1(percentile(s, 95)),
    requests: s.length,
  }));
  const rows = [
    { metric: 'dashboard API p50 (all views and scopes)', value: p50, unit: 'ms' },
    { metric: 'dashboard API p95 (all views and scopes)', value: p95, unit: 'ms', target: `≤ ${TARGET_P95_MS}` },
    { metric: 'first request of each view (caches cold) p95', value: round1(percentile(result.first, 95)), unit: 'ms' },
    ...perView.map((v) => ({ metric: `${v.name}: p95`, value: v.p95_ms, unit: 'ms' })),
  ];
  report(
    'insight',
    rows,
    {
      p50_ms: p50,
      p95_ms: p95,
      requests: all.length,
      first_p50_ms: round1(percentile(result.first, 50)),
      first_p95_ms: round1(percentile(result.first, 95)),
      views: perView,
      district: { ...district.counts, ...extras, term: district.term },
    },
    notes,
  );
  if (p95 > TARGET_P95_MS) process.exitCode = 1;
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
    const result = await drive(api.baseUrl, all);
    const { communities, schools, classrooms, sessions } = district.counts;
    write(result, district, extras, [
      `district: ${communities} communities, ${schools} schools, ${classrooms} classrooms, ${sessions} lessons ` +
        `(term ${district.term.startsOn}..${district.term.endsOn}), ${extras.attendance} attendance records, ` +
        `${extras.classGroups} class groups; seeded in ${district.seedMs} ms; facts and rollups rebuilt in ${rebuildMs} ms`,
      `store: ${process.env.BENCH_MONGODB_URI ? 'MongoDB at BENCH_MONGODB_URI' : 'embedded FerretDB 1.24 (SQLite)'}; ` +
        `Redis embedded; one API process (LOG_LEVEL=warn); requests one at a time from the bench process ` +
        `(load average before: ${loadBefore})`,
      `mix: ${all.length} requests per round (${VIEWS.join(', ')}, balance × ${BALANCE_INDICATOR_IDS.length} ` +
        `indicators; district admin over the district, ${SAMPLE_COMMUNITIES} community admins over their ` +
        `community and one school; ranges: term, last month, last 30 days, a range cutting months); ` +
        `round 1 reported separately (cold caches), p50/p95 over rounds 2..${ROUNDS}`,
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
