import { hash } from 'argon2';
import type { Connection, Model, Schema } from 'mongoose';
import { LiveSession, LiveSessionSchema } from '../../apps/api/src/live/schemas/live-session.schema';
import { Classroom, ClassroomSchema } from '../../apps/api/src/org/schemas/classroom.schema';
import { Community, CommunitySchema } from '../../apps/api/src/org/schemas/community.schema';
import { Pairing, PairingSchema } from '../../apps/api/src/org/schemas/pairing.schema';
import { School, SchoolSchema } from '../../apps/api/src/org/schemas/school.schema';
import { Term, TermSchema } from '../../apps/api/src/org/schemas/term.schema';
import { User, UserSchema } from '../../apps/api/src/org/schemas/user.schema';
import {
  type BenchCommunity,
  type CommunityPlan,
  type DistrictShape,
  planCommunity,
  planSessions,
  type TermDates,
  termAround,
} from './district.plan';

// Seeds the bench district straight through the API's mongoose schemas into an empty
// database (no API running), printing progress. Usage: see bench/api.bench.ts.

export interface SeededDistrict {
  /** Every seeded account's password. */
  password: string;
  term: TermDates;
  communities: BenchCommunity[];
  counts: { communities: number; schools: number; classrooms: number; users: number; sessions: number };
  seedMs: number;
}

const BATCH = 1000;
/** The bench district's name (its communities' `district`). */
export const BENCH_DISTRICT_NAME = '基准测试区教育局';

type Models = Record<
  'communities' | 'schools' | 'classrooms' | 'users' | 'pairings' | 'terms' | 'sessions',
  Model<unknown>
>;

function models(conn: Connection): Models {
  const model = (name: string, schema: Schema) => conn.model(name, schema) as unknown as Model<unknown>;
  return {
    communities: model(Community.name, CommunitySchema),
    schools: model(School.name, SchoolSchema),
    classrooms: model(Classroom.name, ClassroomSchema),
    users: model(User.name, UserSchema),
    pairings: model(Pairing.name, PairingSchema),
    terms: model(Term.name, TermSchema),
    sessions: model(LiveSession.name, LiveSessionSchema),
  };
}

/** Inserts in batches (documents are built complete: no casting or defaults needed). */
async function insert(model: Model<unknown>, docs: object[], onBatch?: (done: number) => void): Promise<void> {
  for (let i = 0; i < docs.length; i += BATCH) {
    await model.insertMany(docs.slice(i, i + BATCH), { lean: true, ordered: false });
    onBatch?.(Math.min(i + BATCH, docs.length));
  }
}

async function seedOrg(m: Models, plans: CommunityPlan[], passwordHash: string): Promise<void> {
  const now = new Date();
  const stamped = <T extends object>(docs: T[]) => docs.map((d) => ({ ...d, createdAt: now, updatedAt: now }));
  await insert(m.communities, stamped(plans.map((p) => p.community)));
  await insert(m.schools, stamped(plans.flatMap((p) => p.schools)));
  await insert(m.classrooms, stamped(plans.flatMap((p) => p.classrooms)));
  await insert(m.pairings, stamped(plans.flatMap((p) => p.pairings)));
  await insert(m.terms, stamped(plans.map((p) => p.term)));
  await insert(m.users, stamped(plans.flatMap((p) => p.users.map((u) => ({ ...u, passwordHash })))));
}

async function seedSessions(
  model: Model<unknown>,
  plans: CommunityPlan[],
  shape: DistrictShape,
  now: Date,
  log: (line: string) => void,
): Promise<number> {
  let sessions = 0;
  for (const [i, plan] of plans.entries()) {
    const docs = planSessions(plan, shape, now);
    await insert(model, docs);
    sessions += docs.length;
    if ((i + 1) % 5 === 0 || i === plans.length - 1) {
      log(
        `seed: lessons of ${plan.term.startsOn}..${plan.term.endsOn}: community ${i + 1}/${plans.length}, ${sessions} lessons`,
      );
    }
  }
  return sessions;
}

/**
 * Seeds `shape` into the (empty) database of `conn`, with the API's indexes, and answers what
 * the bench needs to address it. `log` receives progress lines.
 */
export async function seedDistrict(
  conn: Connection,
  shape: DistrictShape,
  password: string,
  log: (line: string) => void,
  now = new Date(),
): Promise<SeededDistrict> {
  const started = Date.now();
  const m = models(conn);
  const term = termAround(now, shape);
  const plans = Array.from({ length: shape.communities }, (_, c) => planCommunity(c, shape, term, BENCH_DISTRICT_NAME));
  log(`seed: creating indexes`);
  for (const model of Object.values(m)) await model.createIndexes();
  const passwordHash = await hash(password);
  await seedOrg(m, plans, passwordHash);
  const count = (pick: (p: CommunityPlan) => unknown[]) => plans.reduce((n, p) => n + pick(p).length, 0);
  log(
    `seed: ${plans.length} communities, ${count((p) => p.schools)} schools, ${count((p) => p.classrooms)} classrooms, ` +
      `${count((p) => p.users)} users (${Date.now() - started} ms)`,
  );
  const sessions = await seedSessions(m.sessions, plans, shape, now, log);
  return {
    password,
    term,
    communities: plans.map((p) => p.bench),
    counts: {
      communities: plans.length,
      schools: count((p) => p.schools),
      classrooms: count((p) => p.classrooms),
      users: count((p) => p.users),
      sessions,
    },
    seedMs: Date.now() - started,
  };
}
