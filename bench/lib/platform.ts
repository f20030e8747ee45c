import { freePort, stopChild } from '../../scripts/lib/services.cjs';
import { spawnLauncher, waitForReady } from '../../test/support/run-launcher';
import { TEST_ENV } from '../../test/support/test-env';

/**
 * Starts the platform exactly as `npm start` runs it (embedded services, demo data) on `dir`,
 * on free ports, and points the test helpers (TEST_ENV.baseUrl) at it.
 */
export async function startPlatform(
  dir: string,
  env: Record<string, string> = {},
): Promise<{ stop: () => Promise<void> }> {
  const [apiPort, mediaPort] = [await freePort(), await freePort()];
  const child = spawnLauncher(dir, {
    API_PORT: String(apiPort),
    MEDIA_PORT: String(mediaPort),
    MEDIA_PUBLIC_URL: `http://localhost:${mediaPort}`,
    LOG_LEVEL: 'warn',
    ...env,
  });
  process.env[TEST_ENV.baseUrl] = await waitForReady(child);
  return { stop: () => stopChild(child, 15_000) };
}
