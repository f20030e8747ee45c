import { freePort } from '../scripts/lib/services.cjs';
import { runLauncher, type LauncherRun } from './support/run-launcher';
import { testBaseUrl } from './support/test-env';

/** Runs `npm start` on free ports (unless given) with the extra environment. */
async function launch(env: Record<string, string>): Promise<LauncherRun> {
  return runLauncher({ env: { API_PORT: String(await freePort()), MEDIA_PORT: String(await freePort()), ...env } });
}

/** Start-up stopped with exit code 1 and the problem on one line, never a stack trace. */
function expectOneLineFailure(run: LauncherRun, line: string | RegExp): void {
  expect(run.code).toBe(1);
  if (typeof line === 'string') expect(run.output).toContain(line);
  else expect(run.output).toMatch(line);
  expect(run.output).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
}

describe('start-up errors', () => {
  it('names MONGODB_URI when it is not a MongoDB URI', async () => {
    expectOneLineFailure(
      await launch({ MONGODB_URI: 'nonsense' }),
      'api: Invalid configuration: MONGODB_URI must be a MongoDB connection string (mongodb://host:port/db)',
    );
  });

  it('names the port when API_PORT is already in use', async () => {
    const busy = new URL(testBaseUrl()).port;
    expectOneLineFailure(await launch({ API_PORT: busy }), `api: API_PORT ${busy} is already in use`);
  });

  it('names MEDIASOUP_WORKER_BIN when the worker binary is missing', async () => {
    expectOneLineFailure(
      await launch({ MEDIASOUP_WORKER_BIN: '/nonexistent/mediasoup-worker' }),
      'media: Invalid configuration: MEDIASOUP_WORKER_BIN must be the path of an executable file',
    );
  });

  it('names REDIS_URL when nothing answers there', async () => {
    expectOneLineFailure(
      await launch({ REDIS_URL: `redis://127.0.0.1:${await freePort()}` }),
      /(api|media): Redis at redis:\/\/127\.0\.0\.1:\d+ did not answer within 10s/,
    );
  });
});
