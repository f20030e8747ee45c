import { readFileSync } from 'node:fs';
import {
  type BalanceView,
  type InsightOverview,
  type InsightScopesView,
  type InsightSchoolsView,
  type LoginResponse,
  schoolsTable,
} from '@tongke/contracts';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { DEMO_COMMUNITY } from '../apps/api/src/seed/demo-district.data';
import { DEMO_COMMUNITY_2, DEMO_SCHOOLS_2 } from '../apps/api/src/seed/demo-insight.data';
import { launchChromium } from './support/browser';
import { DEMO } from './support/live-api';
import { testBaseUrl } from './support/test-env';

// The insight dashboards in real Chromium against the platform as `npm start` runs it: the demo
// history (the term so far replayed through the lesson record path, two communities) feeds the
// rollups; a district admin switches community and indicator and exports CSV, which must hold
// exactly what the API answers.

const DISTRICT_ADMIN = 'district.zhou';
/** The second community's admin: the demo history writes this account last. */
const HISTORY_DONE = 'admin.lulou';
const zone = 'Asia/Shanghai';
const today = new Date().toLocaleDateString('sv-SE', { timeZone: zone });
const SECOND = DEMO_COMMUNITY_2._id.toHexString();

async function login(username: string): Promise<Response> {
  return fetch(`${testBaseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO.password }),
  });
}

async function token(): Promise<string> {
  return ((await (await login(DISTRICT_ADMIN)).json()) as LoginResponse).accessToken;
}

async function api<T>(bearer: string, path: string): Promise<T> {
  const res = await fetch(`${testBaseUrl()}${path}`, { headers: { authorization: `Bearer ${bearer}` } });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The range of the term so far (the second community's current term, from the scopes the dashboard reads). */
async function termSoFar(bearer: string): Promise<string> {
  const scopes = await api<InsightScopesView>(bearer, '/api/insight/scopes');
  const term = scopes.terms.find((t) => t.communityId === SECOND && t.startDate <= today && today <= t.endDate);
  if (!term) throw new Error('the second demo community has no current term');
  return `from=${term.startDate}&to=${today}`;
}

/**
 * Waits until the demo history is complete (the replay runs in the background and writes its
 * marker account last), then until the drained numbers of both communities stop moving.
 */
async function historySettled(bearer: string, range: string): Promise<void> {
  const deadline = Date.now() + 240_000;
  while (!(await login(HISTORY_DONE)).ok) {
    if (Date.now() > deadline) throw new Error('the demo insight history was not seeded');
    await new Promise((r) => setTimeout(r, 3000));
  }
  let previous = '';
  while (Date.now() < deadline) {
    const views = await Promise.all(
      [DEMO_COMMUNITY._id, DEMO_COMMUNITY_2._id].map((id) =>
        api<InsightOverview>(bearer, `/api/insight/overview?${range}&communityId=${id.toHexString()}`),
      ),
    );
    const now = JSON.stringify(views.map((v) => [v.lessons, v.attendanceRate]));
    if (views.every((v) => v.lessons.delivered > 0) && now === previous) return;
    previous = now;
    await new Promise((r) => setTimeout(r, 3000));
  }
  throw new Error('the demo insight history did not settle');
}

async function signIn(page: Page): Promise<void> {
  await page.goto(`${testBaseUrl()}/login`);
  await page.getByTestId('login-username').fill(DISTRICT_ADMIN);
  await page.getByTestId('login-password').fill(DEMO.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

describe('insight dashboards (real Chromium)', () => {
  let browser: Browser;
  let bearer: string;
  let RANGE: string;

  beforeAll(async () => {
    browser = await launchChromium();
    bearer = await token();
    RANGE = await termSoFar(bearer);
    await historySettled(bearer, RANGE);
  }, 300_000);

  afterAll(async () => {
    await browser.close();
  });

  it('switches community and indicator, and exports a CSV that matches the API', async () => {
    const context = await browser.newContext({ acceptDownloads: true, locale: 'zh-CN' });
    const page = await context.newPage();
    await signIn(page);
    await page.goto(`${testBaseUrl()}/insight?${RANGE}`);
    const second = SECOND;
    await page.getByTestId('insight-community-select').selectOption(second);
    await page.waitForURL((url) => url.searchParams.get('communityId') === second);

    const schoolsCard = page.getByTestId('insight-card-schools');
    await schoolsCard.getByTestId('insight-toggle-table').click();
    await page.waitForFunction(
      (n) =>
        (
          globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }
        ).document.querySelectorAll('[data-testid="insight-card-schools"] [data-testid="insight-table-row"]').length ===
        n,
      DEMO_SCHOOLS_2.length,
    );
    const names = await schoolsCard.getByTestId('insight-table-row').allTextContents();
    expect(DEMO_SCHOOLS_2.every((s) => names.some((row) => row.includes(s.name)))).toBe(true);

    const balance = page.getByTestId('insight-card-balance');
    await balance.getByTestId('insight-indicator-select').selectOption('lessons_per_student');
    await page.waitForURL((url) => url.searchParams.get('indicator') === 'lessons_per_student');
    const cv = await api<BalanceView>(
      bearer,
      `/api/insight/balance?${RANGE}&communityId=${second}&indicator=lessons_per_student`,
    );
    expect(cv.weighted).toBe(true);
    expect(cv.cv).not.toBeNull();
    await page.waitForFunction(
      (text) =>
        (globalThis as unknown as { document: { querySelector(s: string): { textContent: string } | null } }).document
          .querySelector('[data-testid="insight-balance-cv"]')
          ?.textContent?.trim() === text,
      (cv.cv ?? 0).toFixed(3),
    );

    // A lesson can end (and be counted) while the file downloads: compare when the API answered the same before and after.
    const schoolsPath = `/api/insight/schools?${RANGE}&communityId=${second}`;
    for (let attempt = 1; ; attempt++) {
      const before = schoolsTable(await api<InsightSchoolsView>(bearer, schoolsPath));
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        schoolsCard.getByTestId('insight-export-csv').click(),
      ]);
      const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
      const after = schoolsTable(await api<InsightSchoolsView>(bearer, schoolsPath));
      if (JSON.stringify(before) !== JSON.stringify(after) && attempt < 3) continue;
      const rows = parse(csv) as string[][];
      expect(rows[0]).toEqual(after.columns.map((c) => c.zh));
      expect(rows.slice(1)).toEqual(after.rows.map((r) => r.map((cell) => (cell === null ? '' : String(cell)))));
      expect(after.rows.length).toBe(DEMO_SCHOOLS_2.length);
      break;
    }
    await context.close();
  }, 120_000);
});
