// npm run bench:startup — how fast the one-machine platform's building blocks come up:
// the embedded FerretDB and Redis, a mediasoup worker, and a lesson room's first router
// plus a WebRTC transport (what the first join of a lesson pays).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createWorker } from 'mediasoup';
import * as paths from '../scripts/lib/paths.cjs';
import { startFerretDB, startRedis, stopChild } from '../scripts/lib/services.cjs';
import { percentile, report } from './lib/bench-report';

const ROUNDS = 50;

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await fn();
  return [value, performance.now() - t0];
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tongke-bench-'));
  const [db, dbMs] = await timed(() => startFerretDB({ dataDir: path.join(dir, 'db') }));
  const [redis, redisMs] = await timed(() => startRedis({ dir: path.join(dir, 'redis') }));
  const [worker, workerMs] = await timed(() => createWorker({ logLevel: 'warn' }));

  const roomMs: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const [router, ms] = await timed(async () => {
      const r = await worker.createRouter({
        mediaCodecs: [{ kind: 'video', mimeType: 'video/VP8', clockRate: 90000 }],
      });
      await r.createWebRtcTransport({ listenIps: [{ ip: '127.0.0.1' }], enableUdp: true, enableTcp: true });
      return r;
    });
    roomMs.push(ms);
    router.close();
  }
  worker.close();
  await Promise.all([stopChild(db.child), stopChild(redis.child)]);
  rmSync(dir, { recursive: true, force: true });

  report(
    'startup',
    [
      { metric: 'embedded FerretDB ready', value: dbMs, unit: 'ms' },
      { metric: 'embedded Redis ready', value: redisMs, unit: 'ms' },
      { metric: 'mediasoup worker spawn', value: workerMs, unit: 'ms' },
      { metric: `router + WebRTC transport p50 (n=${ROUNDS})`, value: percentile(roomMs, 50), unit: 'ms' },
      { metric: `router + WebRTC transport p95 (n=${ROUNDS})`, value: percentile(roomMs, 95), unit: 'ms' },
    ],
    {
      ferretdb_ready_ms: dbMs,
      redis_ready_ms: redisMs,
      worker_spawn_ms: workerMs,
      room_p50_ms: percentile(roomMs, 50),
      room_p95_ms: percentile(roomMs, 95),
      n: ROUNDS,
      worker_bin: paths.workerBin,
    },
  );
}

main().catch((err: Error) => {
  console.error(`bench:startup failed: ${err.message}`);
  process.exit(1);
});
