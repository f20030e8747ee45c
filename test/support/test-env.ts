import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as paths from '../../scripts/lib/paths.cjs';

/** Environment variables the global setups use to hand services to the specs. */
export const TEST_ENV = {
  mongoUri: 'TONGKE_TEST_MONGODB_URI',
  redisUrl: 'TONGKE_TEST_REDIS_URL',
  workDir: 'TONGKE_TEST_WORK_DIR',
  baseUrl: 'TONGKE_TEST_BASE_URL',
} as const;

function required(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run this spec through its jest project (npm run test:int / test:e2e)`);
  return value;
}

export const testMongoUri = () => required(TEST_ENV.mongoUri);
export const testRedisUrl = () => required(TEST_ENV.redisUrl);
export const testWorkDir = () => required(TEST_ENV.workDir);
export const testBaseUrl = () => required(TEST_ENV.baseUrl);

/** A valid environment for libs/config, pointing at the test services. */
export function testConfigEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    REDIS_URL: testRedisUrl(),
    MONGODB_URI: testMongoUri(),
    JWT_SECRET: randomBytes(32).toString('hex'),
    MEDIASOUP_WORKER_BIN: process.env.MEDIASOUP_WORKER_BIN ?? paths.workerBin,
    MEDIASOUP_NUM_WORKERS: '1',
    // Recordings and library files of specs go to a temporary directory, never the repo's data/.
    STORAGE_ROOT: path.join(tmpdir(), 'tongke-test-storage'),
    ...overrides,
  };
}
