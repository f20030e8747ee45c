import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as paths from '../../scripts/lib/paths.cjs';

export interface LauncherRun {
  code: number | null;
  output: string;
}

/** Runs `npm start`'s launcher with extra env until it exits (or 60 s pass, then SIGTERM). */
export function runLauncher(extraEnv: Record<string, string>): Promise<LauncherRun> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tongke-launch-'));
  const env: NodeJS.ProcessEnv = { ...process.env, TONGKE_DATA_DIR: dir, MEDIASOUP_NUM_WORKERS: '1', ...extraEnv };
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(paths.ROOT, 'scripts', 'start.mjs')], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
      resolve({ code, output });
    });
  });
}
