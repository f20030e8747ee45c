import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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

/** Runs `npm start`'s launcher until it exits (SIGTERM after 90 s). */
export function runLauncher({ env, dataDir, interruptWhenReady }: LauncherOptions): Promise<LauncherRun> {
  const dir = dataDir ?? mkdtempSync(path.join(tmpdir(), 'tongke-launch-'));
  const childEnv: NodeJS.ProcessEnv = { ...process.env, TONGKE_DATA_DIR: dir, MEDIASOUP_NUM_WORKERS: '1', ...env };
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(paths.ROOT, 'scripts', 'start.mjs')], {
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
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
