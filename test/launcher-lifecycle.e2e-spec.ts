import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { canConnect, freePort } from '../scripts/lib/services.cjs';
import { runLauncher } from './support/run-launcher';

const portOf = (output: string, what: RegExp) => Number(what.exec(output)?.[1]);

/** `npm start` on a data dir: seeds once, keeps data across restarts, and Ctrl-C stops it all. */
describe('npm start lifecycle', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tongke-lifecycle-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  async function startAndInterrupt() {
    const env = { API_PORT: String(await freePort()), MEDIA_PORT: String(await freePort()) };
    const run = await runLauncher({ env, dataDir, interruptWhenReady: true });
    return { ...run, apiPort: Number(env.API_PORT), mediaPort: Number(env.MEDIA_PORT) };
  }

  it('seeds the demo district on first start, then stops everything it started on Ctrl-C', async () => {
    const run = await startAndInterrupt();
    expect(run.code).toBe(0);
    expect(run.output).toContain('demo district seeded: 山城区城乡学校联盟（示范）');
    expect(run.output).toContain('terminal.4 = 终端：教学点 多媒体教室');
    expect(run.output).toContain('[tongke] stopped');
    const ferretPort = portOf(run.output, /embedded FerretDB \(MongoDB-compatible\) on 127\.0\.0\.1:(\d+)/);
    const redisPort = portOf(run.output, /embedded Redis on 127\.0\.0\.1:(\d+)/);
    for (const port of [run.apiPort, run.mediaPort, ferretPort, redisPort]) {
      expect(port).toBeGreaterThan(0);
      await expect(canConnect(port)).resolves.toBe(false);
    }
  });

  it('finds the demo district already there on the next start (data survives restarts)', async () => {
    const run = await startAndInterrupt();
    expect(run.code).toBe(0);
    expect(run.output).toContain('demo district present: 山城区城乡学校联盟（示范）');
  });
});
