import type { HealthReport } from '@tongke/contracts';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser';
import { testBaseUrl } from './support/test-env';

describe('start page (npm start, real Chromium)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('reports MongoDB, Redis and a media node as up at /api/health', async () => {
    const res = await fetch(`${testBaseUrl()}/api/health`);
    expect(res.status).toBe(200);
    const health = (await res.json()) as HealthReport;
    expect(health.status).toBe('ok');
    expect(health.details.mongodb.status).toBe('up');
    expect(health.details.redis.status).toBe('up');
    expect(health.details.media.nodes).toHaveLength(1);
    expect(health.details.media.nodes?.[0].workers).toHaveLength(1);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const node = health.details.media.nodes?.[0];
    const nodeHealth = await fetch(`${node?.publicUrl}/health`);
    await expect(nodeHealth.json()).resolves.toMatchObject({
      id: node?.id,
      workers: [expect.objectContaining({ index: 0 })],
    });
  });

  it('renders in Chinese with the platform status, and switches to English', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(testBaseUrl());
    await expect(page.getByTestId('brand').textContent()).resolves.toBe('同课');
    await expect(page.getByTestId('classroom-dedicated').locator('h2').textContent()).resolves.toBe('专递课堂');
    await page.getByTestId('status-summary').filter({ hasText: '运行正常' }).waitFor();
    for (const c of ['mongodb', 'redis', 'media']) {
      await expect(page.getByTestId(`status-${c}`).getAttribute('data-status')).resolves.toBe('up');
    }
    await page.getByTestId('switch-language').click();
    await expect(page.getByTestId('brand').textContent()).resolves.toBe('Tongke');
    await page.getByTestId('status-summary').filter({ hasText: 'All systems running' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('serves the OpenAPI document and answers unknown API routes with a coded 404', async () => {
    const docs = await fetch(`${testBaseUrl()}/api/docs-json`);
    expect(docs.status).toBe(200);
    expect(((await docs.json()) as { paths: object }).paths).toHaveProperty('/api/health');
    const missing = await fetch(`${testBaseUrl()}/api/no-such-route`);
    expect(missing.status).toBe(404);
    await expect(missing.json()).resolves.toMatchObject({ code: 'NOT_FOUND' });
  });
});
