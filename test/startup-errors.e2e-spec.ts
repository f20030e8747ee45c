import { freePort } from '../scripts/lib/services.cjs';
import { runLauncher } from './support/run-launcher';
import { testBaseUrl } from './support/test-env';

/** Bad configuration stops `npm start` with one clear line, never a stack trace. */
describe('start-up errors', () => {
  const noStackTrace = (output: string) => expect(output).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);

  it('names MONGODB_URI when it is not a MongoDB URI', async () => {
    const run = await runLauncher({
      env: {
        MONGODB_URI: 'nonsense',
        API_PORT: String(await freePort()),
        MEDIA_PORT: String(await freePort()),
      },
    });
    expect(run.code).toBe(1);
    expect(run.output).toContain(
      'api: Invalid configuration: MONGODB_URI must be a MongoDB connection string (mongodb://host:port/db)',
    );
    noStackTrace(run.output);
  });

  it('names the port when API_PORT is already in use', async () => {
    const busy = new URL(testBaseUrl()).port;
    const run = await runLauncher({ env: { API_PORT: busy, MEDIA_PORT: String(await freePort()) } });
    expect(run.code).toBe(1);
    expect(run.output).toContain(`api: API_PORT ${busy} is already in use`);
    noStackTrace(run.output);
  });

  it('names MEDIASOUP_WORKER_BIN when the worker binary is missing', async () => {
    const run = await runLauncher({
      env: {
        MEDIASOUP_WORKER_BIN: '/nonexistent/mediasoup-worker',
        API_PORT: String(await freePort()),
        MEDIA_PORT: String(await freePort()),
      },
    });
    expect(run.code).toBe(1);
    expect(run.output).toContain(
      'media: Invalid configuration: MEDIASOUP_WORKER_BIN must be the path of an executable file',
    );
    noStackTrace(run.output);
  });

  it('names REDIS_URL when nothing answers there', async () => {
    const run = await runLauncher({
      env: {
        REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
        API_PORT: String(await freePort()),
        MEDIA_PORT: String(await freePort()),
      },
    });
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/(api|media): Redis at redis:\/\/127\.0\.0\.1:\d+ did not answer within 10s/);
    noStackTrace(run.output);
  });
});
