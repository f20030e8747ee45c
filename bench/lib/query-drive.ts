import autocannon from 'autocannon';
import type { BenchQuery } from './api-queries';
import { percentile } from './bench-report';

export interface DriveOptions {
  /** Offered load, requests per second over all connections. */
  rate: number;
  durationS: number;
  connections: number;
}

/** Latency and throughput of one run. */
export interface RunFigures {
  p50_ms: number;
  p99_ms: number;
  /** Successful (2xx) responses per second over the run. */
  rps: number;
  ok: number;
  /** Non-2xx answers, connection errors and timeouts. */
  failed: number;
  timeouts: number;
}

/**
 * What one query mix did: the target's figures (p50/p99/rps) are those under the offered load,
 * or, when a query alone is too slow for a load run to mean anything, those one at a time.
 */
export interface Drive {
  name: string;
  distinct_requests: number;
  p50_ms: number;
  p99_ms: number;
  rps: number;
  measured: string;
  alone: RunFigures;
  load: RunFigures | null;
}

const WARMUP_S = 2;
const TIMEOUT_S = 10;
const ALONE_S = 10;
const ALONE_MIN = 5;
const ALONE_MAX = 2000;
const ALONE_TIMEOUT_S = 120;
const SETTLE_MAX_S = 120;

function run(baseUrl: string, query: BenchQuery, load: DriveOptions) {
  let next = 0;
  return autocannon({
    url: baseUrl,
    connections: load.connections,
    overallRate: load.rate,
    duration: load.durationS,
    timeout: TIMEOUT_S,
    ignoreCoordinatedOmission: process.env.BENCH_CO !== 'autocannon',
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => {
          const target = query.targets[next++ % query.targets.length];
          return { ...req, path: target.path, headers: { authorization: `Bearer ${target.token}` } };
        },
      },
    ],
  });
}

/** Latency percentiles are NaN when no request completed (requests in flight at the end are not counted). */
function figures(r: autocannon.Result): RunFigures {
  const ok = r['2xx'];
  const answered = ok + r.non2xx;
  return {
    p50_ms: answered ? r.latency.p50 : NaN,
    p99_ms: answered ? r.latency.p99 : NaN,
    rps: Math.round((ok / r.duration) * 10) / 10,
    ok,
    failed: r.non2xx + r.errors,
    timeouts: r.timeouts,
  };
}

/**
 * One request at a time (plain fetch, no load): at least ALONE_MIN requests and ALONE_S
 * seconds, at most ALONE_MAX requests; a slow store still yields its figures.
 */
export async function alone(baseUrl: string, query: BenchQuery): Promise<RunFigures> {
  const samples: number[] = [];
  let failed = 0;
  const started = performance.now();
  while (
    samples.length + failed < ALONE_MAX &&
    (samples.length + failed < ALONE_MIN || performance.now() - started < ALONE_S * 1000)
  ) {
    const target = query.targets[(samples.length + failed) % query.targets.length];
    const sent = performance.now();
    const res = await fetch(`${baseUrl}${target.path}`, {
      headers: { authorization: `Bearer ${target.token}` },
      signal: AbortSignal.timeout(ALONE_TIMEOUT_S * 1000),
    }).catch(() => null);
    await res?.arrayBuffer();
    if (res?.ok) samples.push(performance.now() - sent);
    else failed++;
  }
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    p50_ms: round(percentile(samples, 50)),
    p99_ms: round(percentile(samples, 99)),
    rps: round((samples.length / (performance.now() - started)) * 1000),
    ok: samples.length,
    failed,
    timeouts: 0,
  };
}

/**
 * The query mix at `rate` req/s over `connections` after a short warm-up, cycling through its
 * distinct requests; latencies as measured (BENCH_CO=autocannon applies autocannon's own correction).
 */
export async function underLoad(baseUrl: string, query: BenchQuery, opts: DriveOptions): Promise<RunFigures> {
  await run(baseUrl, query, { ...opts, durationS: WARMUP_S });
  return figures(await run(baseUrl, query, opts));
}

/**
 * Waits until the query answers alone about as fast as before a load run (a slow store keeps
 * working through abandoned requests after the run), at most SETTLE_MAX_S.
 */
export async function settle(baseUrl: string, query: BenchQuery, aloneP50Ms: number): Promise<void> {
  const deadline = Date.now() + SETTLE_MAX_S * 1000;
  const target = query.targets[0];
  while (Date.now() < deadline) {
    const sent = performance.now();
    const res = await fetch(`${baseUrl}${target.path}`, { headers: { authorization: `Bearer ${target.token}` } });
    await res.arrayBuffer();
    if (performance.now() - sent <= Math.max(2 * aloneP50Ms, aloneP50Ms + 20)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}
