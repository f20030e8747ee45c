import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as paths from '../../scripts/lib/paths.cjs';
import { startFerretDB, startRedis } from '../../scripts/lib/services.cjs';
import { TEST_ENV } from './test-env';

/** Starts FerretDB and Redis on free ports for the integration project. */
export default async function globalSetup(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tongke-int-'));
  const db = await startFerretDB({ dataDir: path.join(dir, 'db') });
  const redis = await startRedis({ dir: path.join(dir, 'redis') });
  // Workers inherit the environment: this is how the specs find the services.
  process.env[TEST_ENV.mongoUri] = db.uri;
  process.env[TEST_ENV.redisUrl] = redis.url;
  process.env[TEST_ENV.workDir] = dir;
  process.env.MEDIASOUP_WORKER_BIN ??= paths.workerBin;
  (globalThis as Record<string, unknown>).__TONGKE_INT__ = { db, redis, dir };
}
