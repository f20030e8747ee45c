import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import * as paths from '../../scripts/lib/paths.cjs';

export interface LauncherRun {
  code: number | null;
  output: string;
}

export interface LauncherOptions {
  env: Record<string, string>;
  /** Reuse a data dir (kept afterwards); by default a fresh one is made and removed. */
  dataDir?: string;
  /** Send SIGINT (Ctrl-C) once the platform reports ready. */
  interruptWhenReady?: boolean;
}

/**
 * Spawns `npm start`'s launcher on `dataDir` with one media worker. MongoDB and Redis are
 * the embedded ones unless `env` names others (a developer's own settings don't leak in).
 */
export function spawnLauncher(
  dataDir: string,
  env: Record<string, string>,
): ChildProcessByStdio<null, Readable, Readable> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, TONGKE_DATA_DIR: dataDir, MEDIASOUP_NUM_WORKERS: '1' };
  delete childEnv.MONGODB_URI;
  delete childEnv.REDIS_URL;
  return spawn(process.execPath, [path.join(paths.ROOT, 'scripts', 'start.mjs')], {
    env: { ...childEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs `npm start`'s launcher until it exits (SIGTERM after 90 s). */
export function runLauncher({ env, dataDir, interruptWhenReady }: LauncherOptions): Promise<LauncherRun> {
  const dir = dataDir ?? mkdtempSync(path.join(tmpdir(), 'tongke-launch-'));
  return new Promise((resolve) => {
    const child = spawnLauncher(dir, env);
    let output = '';
    const collect = (c: Buffer) => {
      output += c.toString();
      if (interruptWhenReady && output.includes('is ready at') && !child.killed) child.kill('SIGINT');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => child.kill('SIGTERM'), 90_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!dataDir) rmSync(dir, { recursive: true, force: true });
      resolve({ code, output });
    });
  });
}

const READY = /Tongke 同课 is ready at (http:\/\/localhost:\d+)/;

/** Resolves with the web URL once the launcher prints its ready line. */
export function waitForReady(child: ChildProcessByStdio<null, Readable, Readable>): Promise<string> {
  const output: string[] = [];
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`platform not ready in 90s:\n${output.join('')}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      const m = READY.exec(chunk.toString());
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\n${output.join('')}`));
    });
  });
}
