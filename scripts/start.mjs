#!/usr/bin/env node
// npm start: runs the whole platform on one machine. Starts the embedded FerretDB and
// Redis unless MONGODB_URI / REDIS_URL are set, then one media node and the API (which
// serves the web app), seeds the demo district, and stops everything on Ctrl-C.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import paths from './lib/paths.cjs';
import services from './lib/services.cjs';
import { formatLogLine } from './lib/log-format.mjs';

const { ROOT } = paths;
if (existsSync(path.join(ROOT, '.env'))) process.loadEnvFile(path.join(ROOT, '.env'));
const env = { ...process.env };
const dataDir = path.resolve(ROOT, env.TONGKE_DATA_DIR ?? 'data');
const children = [];
let stopping = false;

const API_MAIN = path.join(ROOT, 'dist/apps/api/apps/api/src/main.js');
const MEDIA_MAIN = path.join(ROOT, 'dist/apps/media/apps/media/src/main.js');

function say(line) {
  process.stdout.write(`[tongke] ${line}\n`);
}

async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  say('stopping ...');
  // API and media first (they deregister and flush), then the services they use.
  for (const group of [
    ['api', 'media'],
    ['redis', 'ferretdb'],
  ]) {
    await Promise.all(children.filter((c) => group.includes(c.name)).map((c) => services.stopChild(c.child, 8000)));
  }
  say('stopped');
  process.exit(code);
}

function fail(message) {
  process.stderr.write(`[tongke] ${message}\n`);
  void stopAll(1);
}

/** A random JWT secret, created once per data dir and kept out of the repo. */
function jwtSecret() {
  const file = path.join(dataDir, 'secrets', 'jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

function track(name, child) {
  children.push({ name, child });
  child.on('exit', (code, signal) => {
    if (!stopping) fail(`${name} exited unexpectedly (${signal ?? `code ${code}`})`);
  });
}

function startNode(name, main, extraEnv) {
  if (!existsSync(main)) throw new Error(`${main} is missing: run npm run setup`);
  const child = spawn(process.execPath, ['--enable-source-maps', main], {
    cwd: ROOT,
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const forward = (stream) => (chunk) => {
    for (const line of chunk.toString().split('\n')) {
      const text = line && formatLogLine(name, line);
      if (text) stream.write(`${text}\n`);
    }
  };
  child.stdout.on('data', forward(process.stdout));
  child.stderr.on('data', forward(process.stderr));
  track(name, child);
  return child;
}

async function waitForHealth(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline && !stopping) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
      last = `HTTP ${res.status}: ${await res.text()}`;
    } catch (err) {
      last = err.message;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  if (!stopping) throw new Error(`platform not healthy within ${timeoutMs / 1000}s: ${last}`);
}

async function main() {
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  mkdirSync(dataDir, { recursive: true });

  if (!env.MONGODB_URI) {
    const db = await services.startFerretDB({ dataDir: path.join(dataDir, 'db') });
    track('ferretdb', db.child);
    env.MONGODB_URI = db.uri;
    say(`embedded FerretDB (MongoDB-compatible) on 127.0.0.1:${db.port}, data in ${path.join(dataDir, 'db')}`);
  }
  if (!env.REDIS_URL) {
    const redis = await services.startRedis({ dir: path.join(dataDir, 'redis') });
    track('redis', redis.child);
    env.REDIS_URL = redis.url;
    say(`embedded Redis on 127.0.0.1:${redis.port}`);
  }
  env.JWT_SECRET ??= jwtSecret();
  env.MEDIASOUP_WORKER_BIN ??= paths.workerBin;
  env.SEED_DEMO ??= 'true';
  env.STORAGE_ROOT ??= path.join(dataDir, 'storage');
  env.WEB_DIST_DIR ??= path.join(ROOT, 'dist/apps/web');

  const port = env.API_PORT ?? '3000';
  env.API_INTERNAL_URL ??= `http://127.0.0.1:${port}`;
  startNode('media', MEDIA_MAIN, {});
  startNode('api', API_MAIN, {});
  await waitForHealth(`http://127.0.0.1:${port}/api/health`, 60_000);
  say(`Tongke 同课 is ready at http://localhost:${port}  (API docs: http://localhost:${port}/api/docs; Ctrl-C stops)`);
}

main().catch((err) => fail(err.message));
