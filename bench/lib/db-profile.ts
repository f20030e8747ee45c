import { DateTime } from 'luxon';
import mongoose, { type Connection, Types } from 'mongoose';
import { percentile } from './bench-report';
import { BENCH_DISTRICT } from './district.plan';
import type { SeededDistrict } from './seed-district';

// Where the time of a request goes in the database: each read the guard and the queries make,
// timed directly (median of a few runs) with the store's own explanation of how it ran it.

export interface DbProfile {
  lines: string[];
  raw: Record<string, { median_ms: number; plan: string }>;
}

const RUNS = 5;

interface Probe {
  name: string;
  collection: string;
  filter: Record<string, unknown>;
}

function probes(district: SeededDistrict, userId: Types.ObjectId): Probe[] {
  const c = district.communities[0];
  const communityId = new Types.ObjectId(c.id);
  const monday = DateTime.now().setZone(BENCH_DISTRICT.timeZone).startOf('week');
  const week = { $gte: monday.toJSDate(), $lt: monday.plus({ weeks: 1 }).toJSDate() };
  return [
    { name: 'users by _id', collection: 'users', filter: { _id: userId } },
    {
      name: "users by _id and not disabled (the auth guard's read)",
      collection: 'users',
      filter: { _id: userId, disabled: { $ne: true } },
    },
    {
      name: "live_sessions of a teacher's week",
      collection: 'live_sessions',
      filter: {
        communityId,
        plannedStart: week,
        $or: [{ leadTeacherId: { $in: [new Types.ObjectId(c.teachers[0].id)] } }],
      },
    },
    {
      name: "live_sessions of a community's week",
      collection: 'live_sessions',
      filter: { communityId, plannedStart: week },
    },
    {
      name: 'users by ids in a community (resolving lead teacher names)',
      collection: 'users',
      filter: { communityId, _id: { $in: c.teachers.map((t) => new Types.ObjectId(t.id)) } },
    },
  ];
}

/** How the store ran it: FerretDB says whether the filter was pushed down; MongoDB names the winning plan. */
function planOf(explain: Record<string, unknown>): string {
  if ('filterPushdown' in explain)
    return explain.filterPushdown ? 'filter pushed down' : 'full collection scan (no pushdown)';
  const planner = explain.queryPlanner as
    { winningPlan?: { stage?: string; inputStage?: { stage?: string } } } | undefined;
  const plan = planner?.winningPlan;
  return [plan?.stage, plan?.inputStage?.stage].filter(Boolean).join(' ← ') || 'unknown plan';
}

async function time(conn: Connection, probe: Probe): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    await conn.collection(probe.collection).find(probe.filter).toArray();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return Math.round(percentile(samples, 50) * 100) / 100;
}

export async function profileDatabase(uri: string, dbName: string, district: SeededDistrict): Promise<DbProfile> {
  const conn = await mongoose.createConnection(uri, { dbName, autoIndex: false }).asPromise();
  try {
    const user = await conn.collection('users').findOne({}, { projection: { _id: 1 } });
    const lines: string[] = [];
    const raw: DbProfile['raw'] = {};
    for (const probe of probes(district, user?._id as Types.ObjectId)) {
      const explain = (await conn.collection(probe.collection).find(probe.filter).explain()) as Record<string, unknown>;
      const median = await time(conn, probe);
      raw[probe.name] = { median_ms: median, plan: planOf(explain) };
      lines.push(`${probe.name}: ${median} ms (median of ${RUNS}), ${planOf(explain)}`);
    }
    return { lines, raw };
  } finally {
    await conn.close();
  }
}
