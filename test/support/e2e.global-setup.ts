import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../scripts/lib/services.cjs';
import { spawnLauncher, waitForReady } from './run-launcher';
import { TEST_ENV } from './test-env';

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
