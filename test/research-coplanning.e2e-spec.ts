import type { LessonPlanView, PlanVersionView } from '@tongke/contracts';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser';
import { apiLogin, call } from './support/live-api';
import { groupWithPlan, PlanEditorPage, RESEARCH_USERS } from './support/research-api';

// Issue 6 in the browser: two teachers type into the same section of a lesson plan at once and
// converge with nothing lost; a group observer joining later sees everything and cannot edit; an
// old version is restored for everyone; the homework rules warn as the plan is written.

/** How many times each character occurs in `text`. */
const counts = (text: string) => {
  const map = new Map<string, number>();
  for (const ch of text) map.set(ch, (map.get(ch) ?? 0) + 1);
  return map;
};

describe('co-planning a lesson plan (real Chromium)', () => {
  let browser: Browser;
  let plan: LessonPlanView;
  let lead: PlanEditorPage;
  let member: PlanEditorPage;

  beforeAll(async () => {
    browser = await launchChromium();
    ({ plan } = await groupWithPlan(`e2e 协同备课 ${Date.now()}`, [
      { userId: RESEARCH_USERS.member.id, role: 'member' },
      { userId: RESEARCH_USERS.outsider.id, role: 'observer' },
    ]));
    lead = await PlanEditorPage.open(browser, RESEARCH_USERS.lead.username, plan.id);
    member = await PlanEditorPage.open(browser, RESEARCH_USERS.member.username, plan.id);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('two teachers typing in the same section at once converge with no lost characters', async () => {
    const fromLead = 'abcdefghijklmnopqrst';
    const fromMember = '感受草原的辽阔学唱主题旋律聆听琵琶协奏';
    await lead.focusEnd('objectives');
    await member.focusEnd('objectives');
    await Promise.all([
      lead.page.keyboard.type(fromLead, { delay: 35 }),
      member.page.keyboard.type(fromMember, { delay: 35 }),
    ]);
    const expected = counts(fromLead + fromMember);
    const complete = (text: string) => [...expected].every(([ch, n]) => counts(text).get(ch) === n);
    const leadText = await lead.waitText('objectives', complete);
    await member.waitText('objectives', (t) => t === leadText);
    expect(leadText.replace(/\s/g, '')).toHaveLength(fromLead.length + fromMember.length);
    await Promise.all([lead.waitSaved(), member.waitSaved()]);
  }, 120_000);

  it('an observer joining later sees everything and cannot edit', async () => {
    const current = await lead.text('objectives');
    const observer = await PlanEditorPage.open(browser, RESEARCH_USERS.outsider.username, plan.id);
    try {
      await observer.waitText('objectives', (t) => t === current);
      await observer.section('objectives').click({ force: true });
      await observer.page.keyboard.type('不能改');
      await observer.page.waitForTimeout(1000);
      expect(await observer.text('objectives')).toBe(current);
      expect(await lead.text('objectives')).toBe(current);
    } finally {
      await observer.close();
    }
  }, 60_000);

  it('restoring an old version brings every open editor back to it', async () => {
    const { accessToken } = await apiLogin(RESEARCH_USERS.lead.username);
    const saved = await lead.text('objectives');
    const version = await call<PlanVersionView>(`/api/research/plans/${plan.id}/versions`, {
      method: 'POST',
      token: accessToken,
      body: JSON.stringify({ name: '第一稿' }),
    });
    await member.focusEnd('objectives');
    await member.page.keyboard.type('（第二稿补充）');
    await lead.waitText('objectives', (t) => t.includes('第二稿补充'));
    await member.waitSaved();

    await lead.page.getByTestId('plan-versions-open').click();
    await lead.page.locator(`[data-testid="plan-version-item"][data-version-id="${version.id}"]`).click();
    await lead.page.getByTestId('plan-version-restore').click();
    await lead.page.getByTestId('confirm-accept').click();

    await lead.waitText('objectives', (t) => t === saved);
    await member.waitText('objectives', (t) => t === saved);
  }, 60_000);

  it('warns as written homework passes the grade band’s daily limit (grade 4: 60 min)', async () => {
    const page = lead.page;
    await page.getByTestId('plan-add-homework').click();
    const item = page.getByTestId('plan-homework-item').last();
    await item.getByTestId('plan-homework-kind').selectOption('written');
    await item.getByTestId('plan-homework-minutes').fill('40');
    await page.locator('[data-testid="homework-warning"][data-code="over-half-daily-limit"]').waitFor();
    await item.getByTestId('plan-homework-minutes').fill('70');
    await page.locator('[data-testid="homework-warning"][data-code="over-daily-limit"]').waitFor();
    // The other editor's page sees the same item and the same warning.
    await member.page.locator('[data-testid="homework-warning"][data-code="over-daily-limit"]').waitFor();
  }, 60_000);
});
