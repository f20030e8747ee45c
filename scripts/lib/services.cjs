'use strict';
// Starts the embedded services (FerretDB, Redis) as child processes on local ports.
// Used by `npm start` and by the jest global setups for integration and e2e tests.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const paths = require('./paths.cjs');

/** A free TCP port on 127.0.0.1, chosen by the kernel. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function canConnect(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const sock = net.connect({ port, host });
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
  });
}

async function waitForPort(port, child, what, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode} before listening`);
    if (await canConnect(port)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what} did not listen on port ${port} within ${timeoutMs / 1000}s`);
}

/** Keeps the last lines a child printed, to explain a failure. */
function captureTail(child, lines = 20) {
  const tail = [];
  const push = (chunk) => {
    tail.push(...chunk.toString().split('\n').filter(Boolean));
    tail.splice(0, Math.max(0, tail.length - lines));
  };
  child.stdout?.on('data', push);
  child.stderr?.on('data', push);
  return tail;
}

/** Sends SIGTERM and waits for the exit (SIGKILL after `graceMs`). */
function stopChild(child, graceMs = 5000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Spawns a service and waits until it accepts TCP connections on `port`. */
async function spawnListening(what, bin, args, port) {
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const tail = captureTail(child);
  try {
    await waitForPort(port, child, what);
  } catch (err) {
    await stopChild(child);
    throw new Error(`${err.message}: ${tail.join(' | ')}`);
  }
  return { child, port, tail };
}

/**
 * Starts the embedded FerretDB on `port` with SQLite files in `dataDir`.
 * Resolves to { child, uri, port, tail } once it accepts connections.
 */
async function startFerretDB({ dataDir, port, bin = paths.ferretdbBin }) {
  if (!fs.existsSync(bin)) throw new Error(`embedded FerretDB is not built (${bin}): run npm run setup`);
  fs.mkdirSync(dataDir, { recursive: true });
  const p = port ?? (await freePort());
  const started = await spawnListening('FerretDB', bin, ['-listen', `127.0.0.1:${p}`, '-data-dir', dataDir], p);
  return { ...started, uri: `mongodb://127.0.0.1:${p}/` };
}

/** Starts Debian's redis-server on `port` without persistence. */
async function startRedis({ port, dir }) {
  const bin = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((b) => fs.existsSync(b));
  if (!bin) throw new Error('redis-server is not installed: run npm run setup');
  fs.mkdirSync(dir, { recursive: true });
  const p = port ?? (await freePort());
  const args = [
    '--port',
    String(p),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    dir,
    '--databases',
    '128',
  ];
  const started = await spawnListening('redis-server', bin, args, p);
  return { ...started, url: `redis://127.0.0.1:${p}` };
}

module.exports = { freePort, canConnect, waitForPort, stopChild, startFerretDB, startRedis, captureTail };
