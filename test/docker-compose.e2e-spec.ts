import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import * as paths from '../scripts/lib/paths.cjs';
import { testWorkDir } from './support/test-env';

const run = promisify(execFile);
const compose = path.join(paths.ROOT, 'docker', 'compose.yaml');
const env = {
  ...process.env,
  JWT_SECRET: 'j'.repeat(40),
  TURN_SECRET: 't',
  PUBLIC_HOST: 'tongke.example.org',
  ANNOUNCED_IP: '203.0.113.7',
};

async function check(file: string, extraEnv: NodeJS.ProcessEnv = env) {
  try {
    const { stdout } = await run(paths.composeCheckBin, [file], { env: extraEnv });
    return { ok: true, out: stdout };
  } catch (err) {
    const e = err as { stderr: string };
    return { ok: false, out: e.stderr };
  }
}

/** No Docker engine here: the compose file is checked with compose-go, docker compose's own loader. */
describe('docker/compose.yaml', () => {
  it('is a valid Compose project with mongo, redis, coturn, api and media', async () => {
    await expect(check(compose)).resolves.toEqual({ ok: true, out: 'valid: [api coturn media mongo redis]\n' });
  });

  it('refuses to start without the required secrets, naming them', async () => {
    const { ok, out } = await check(compose, { PATH: process.env.PATH });
    expect(ok).toBe(false);
    expect(out).toContain('required variable JWT_SECRET is missing a value');
    expect(out).toContain('required variable ANNOUNCED_IP is missing a value');
  });

  it('rejects a structurally broken file', async () => {
    const broken = path.join(testWorkDir(), 'broken-compose.yaml');
    writeFileSync(broken, readFileSync(compose, 'utf8').replace("- '3000:3000'", 'published: nope'));
    const { ok, out } = await check(broken);
    expect(ok).toBe(false);
    expect(out).toMatch(/ports|additional properties|invalid/i);
  });

  it('starts each image with an entry point the build produces', () => {
    for (const app of ['api', 'media']) {
      const dockerfile = readFileSync(path.join(paths.ROOT, 'docker', `${app}.Dockerfile`), 'utf8');
      const entry = /CMD \[.*"(dist\/[^"]+)"\]/.exec(dockerfile)?.[1];
      expect(entry).toBe(`dist/apps/${app}/apps/${app}/src/main.js`);
      expect(existsSync(path.join(paths.ROOT, entry ?? ''))).toBe(true);
    }
  });
});
