import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { canConnect, freePort, stopChild } from '../../scripts/lib/services.cjs';

const ROOT = path.resolve(__dirname, '..', '..');
const START_TIMEOUT_MS = 120_000;

export interface ApiProcess {
  baseUrl: string;
  startMs: number;
  child: ChildProcess;
  stop: () => Promise<void>;
}

/**
 * Starts the API from its sources (apps/api/src/main.ts, transpiled on load by ts-node) as its
 * own process on a free port, as `npm start` runs the built one; no demo seeding.
 */
export async function startApiProcess(env: {
  mongoUri: string;
  dbName: string;
  redisUrl: string;
}): Promise<ApiProcess> {
  const port = await freePort();
  const started = Date.now();
  const child = spawnApi(port, env);
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString().split('\n').filter(Boolean));
    output.splice(0, Math.max(0, output.length - 40));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  try {
    await listening(child, port);
  } catch (err) {
    await stopChild(child);
    throw new Error(`${(err as Error).message}: ${output.slice(-20).join(' | ')}`);
  }
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    startMs: Date.now() - started,
    child,
    stop: () => stopChild(child, 15_000),
  };
}

async function listening(child: ChildProcess, port: number): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`);
    if (await canConnect(port)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the API did not listen on port ${port} within ${START_TIMEOUT_MS / 1000} s`);
}

function spawnApi(port: number, env: { mongoUri: string; dbName: string; redisUrl: string }): ChildProcess {
  return spawn(
    process.execPath,
    [
      // BENCH_API_CPU_PROF=<dir>: a V8 CPU profile of the API process, written when it stops.
      ...(process.env.BENCH_API_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_API_CPU_PROF}`] : []),
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      'apps/api/src/main.ts',
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.json'),
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        API_HOST: '127.0.0.1',
        API_PORT: String(port),
        MONGODB_URI: env.mongoUri,
        MONGODB_DB: env.dbName,
        REDIS_URL: env.redisUrl,
        JWT_SECRET: randomBytes(32).toString('hex'),
        SEED_DEMO: 'false',
      },
    },
  );
}
