import type { ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../scripts/lib/services.cjs';
import { spawnLauncher } from './run-launcher';
import { TEST_ENV } from './test-env';

const READY = /Tongke 同课 is ready at (http:\/\/localhost:\d+)/;

/** Resolves with the web URL once the launcher prints its ready line. */
function waitForReady(child: ChildProcessByStdio<null, Readable, Readable>): Promise<string> {
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

/**
 * Runs the platform exactly as `npm start` does (embedded FerretDB and Redis, one media
 * node, the API serving the built web app, demo data), on free ports with its own data dir.
 */
export default async function globalSetup(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tongke-e2e-'));
  const [apiPort, mediaPort] = [await freePort(), await freePort()];
  const child = spawnLauncher(dir, {
    API_PORT: String(apiPort),
    MEDIA_PORT: String(mediaPort),
    MEDIA_PUBLIC_URL: `http://localhost:${mediaPort}`,
    LOG_LEVEL: 'warn',
  });
  const baseUrl = await waitForReady(child);
  child.removeAllListeners('exit');
  process.env[TEST_ENV.baseUrl] = baseUrl;
  process.env[TEST_ENV.workDir] = dir;
  (globalThis as Record<string, unknown>).__TONGKE_E2E__ = { child, dir };
}
