import { randomBytes } from 'node:crypto';
import path from 'node:path';
import mongoose from 'mongoose';
import { startFerretDB, startRedis, stopChild } from '../../scripts/lib/services.cjs';
import type { DistrictShape } from './district.plan';
import { type SeededDistrict, seedDistrict } from './seed-district';

// The stores an API benchmark runs against: embedded Redis, and the embedded FerretDB (or
// MongoDB at BENCH_MONGODB_URI), with the bench district seeded into a fresh database.

export interface BenchServices {
  mongoUri: string;
  redisUrl: string;
  stop: () => Promise<void>;
}

export async function startBenchServices(dir: string): Promise<BenchServices> {
  const redis = await startRedis({ dir: path.join(dir, 'redis') });
  if (process.env.BENCH_MONGODB_URI) {
    return { mongoUri: process.env.BENCH_MONGODB_URI, redisUrl: redis.url, stop: () => stopChild(redis.child) };
  }
  const ferret = await startFerretDB({ dataDir: path.join(dir, 'db') });
  return {
    mongoUri: ferret.uri,
    redisUrl: redis.url,
    stop: async () => {
      await stopChild(ferret.child);
      await stopChild(redis.child);
    },
  };
}

/** A fresh database name (letters only) starting with `prefix`. */
export function benchDbName(prefix: string): string {
  return `${prefix}${randomBytes(4)
    .toString('hex')
    .replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}`;
}

/** Seeds `shape` into database `dbName` (see seedDistrict); `extra` runs on the same connection afterwards. */
export async function seedBenchDistrict<T = void>(
  mongoUri: string,
  dbName: string,
  shape: DistrictShape,
  password: string,
  extra?: (conn: mongoose.Connection, district: SeededDistrict) => Promise<T>,
): Promise<{ district: SeededDistrict; extra?: T }> {
  const conn = await mongoose.createConnection(mongoUri, { dbName, autoIndex: false }).asPromise();
  try {
    const district = await seedDistrict(conn, shape, password, (line) => console.log(line));
    return { district, ...(extra && { extra: await extra(conn, district) }) };
  } finally {
    await conn.close();
  }
}
