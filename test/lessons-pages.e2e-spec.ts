import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { DEMO } from './support/live-api';
import { testBaseUrl } from './support/test-env';

// Signing in, today's lessons, and starting an instant lesson (即时课堂) through the web app.

describe('sign-in and instant lessons (real Chromium)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser.close();
  });

  async function signIn(page: Page, username: string, password: string = DEMO.password): Promise<void> {
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
  }

  it('sends a signed-out visitor to sign in, refuses a wrong password, then shows today’s lessons', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(testBaseUrl());
    await page.getByTestId('nav-lessons').click();
    await page.waitForURL(/\/login/);
    await signIn(page, DEMO.teacher, 'not-the-password');
    await expect(page.getByTestId('login-error').textContent()).resolves.toContain('用户名或密码错误');
    await signIn(page, DEMO.teacher);
    await page.waitForURL(/\/lessons$/);
    await page.getByTestId('lessons-list').waitFor({ state: 'attached' });
    await context.close();
  });

  it('lets a teacher start an instant lesson for two classrooms, which their terminals then see and join', async () => {
    const context = await browser.newContext({ permissions: ['camera', 'microphone'] });
    const page = await context.newPage();
    await page.goto(`${testBaseUrl()}/login`);
    await signIn(page, DEMO.teacher);
    await page.getByTestId('create-lesson').click();
    await page.getByTestId('lesson-create-submit').click();
    await page.getByTestId('lesson-create-error').waitFor();
    await page.getByTestId('lesson-title').fill('音乐：补课《欢乐颂》');
    await page.getByTestId('lesson-subject').selectOption('music');
    for (const c of DEMO.classrooms.slice(0, 2)) {
      await page.locator(`[data-testid="lesson-classroom"][value="${c.id}"]`).check();
    }
    await page.getByTestId('lesson-create-submit').click();
    await page.waitForURL(/\/live\/[0-9a-f]{24}$/);
    const sessionId = page.url().split('/').pop() ?? '';
    await page.locator('[data-testid="live-view"][data-role="lead"][data-state="live"]').waitFor();

    const terminal = await browser.newContext({ permissions: ['camera', 'microphone'] });
    const tPage = await terminal.newPage();
    await tPage.goto(`${testBaseUrl()}/login`);
    await signIn(tPage, DEMO.classrooms[1].terminal);
    const item = tPage.locator(`[data-testid="lesson-item"][data-session-id="${sessionId}"]`);
    await item.waitFor();
    await expect(item.getAttribute('data-status')).resolves.toBe('live');
    await item.getByTestId('lesson-join').click();
    await tPage.locator('[data-testid="live-view"][data-role="classroom"][data-state="live"]').waitFor();

    // A classroom that was not invited does not see the lesson.
    const other = await browser.newContext();
    const oPage = await other.newPage();
    await oPage.goto(`${testBaseUrl()}/login`);
    await signIn(oPage, DEMO.classrooms[2].terminal);
    await oPage.getByTestId('lessons-list').waitFor({ state: 'attached' });
    await expect(oPage.locator(`[data-testid="lesson-item"][data-session-id="${sessionId}"]`).count()).resolves.toBe(0);
    await Promise.all([context.close(), terminal.close(), other.close()]);
  });
});
