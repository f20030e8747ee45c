import type {
  ClassroomView,
  CourseScheduleView,
  CreateCourseScheduleRequest,
  LoginResponse,
  TermView,
  UserView,
  Weekday,
} from '@tongke/contracts';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { apiLogin } from './support/live-api';
import { testBaseUrl } from './support/test-env';

// An admin builds a 专递课堂 schedule in the week view: the dialog shows the clash with a lesson
// the receiving classroom already has, the admin picks another classroom, saves, and the lesson
// is in the lead teacher's and the classroom terminal's "today's lessons".

const COMMUNITY = '74e9c0000000000000000001';
const SCHOOL = {
  urban: '74e9c0000000000000000064',
  tanghe: '74e9c0000000000000000065',
  shilin: '74e9c0000000000000000066',
};
const PASSWORD = 'Tongke-e2e-2026';
const ZONE = 'Asia/Shanghai';

async function call<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${testBaseUrl()}/api/communities/${COMMUNITY}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A one-period bell schedule around now (Shanghai), kept inside today. */
function periodAroundNow(): { date: string; weekday: Weekday; startsAt: string; endsAt: string } {
  const now = DateTime.now().setZone(ZONE);
  const latest = now.set({ hour: 23, minute: 40, second: 0, millisecond: 0 });
  const start = DateTime.min(now.minus({ minutes: 1 }).startOf('minute'), latest);
  const end = DateTime.min(start.plus({ minutes: 30 }), now.set({ hour: 23, minute: 59 }));
  return {
    date: now.toISODate() ?? '',
    weekday: now.weekday as Weekday,
    startsAt: start.toFormat('HH:mm'),
    endsAt: end.toFormat('HH:mm'),
  };
}

describe('timetable week view (real Chromium)', () => {
  let browser: Browser;
  let admin: LoginResponse;
  const tag = Date.now().toString(36);
  const slot = periodAroundNow();
  let term: TermView;
  let leadA: UserView;
  let leadB: UserView;
  let roomBusy: ClassroomView;
  let roomFree: ClassroomView;

  async function signIn(page: Page, username: string, password: string): Promise<void> {
    await page.goto(`${testBaseUrl()}/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
  }

  const user = (username: string, displayName: string, extra: Partial<UserView>) =>
    call<UserView>(admin.accessToken, 'POST', '/users', {
      username,
      displayName,
      password: PASSWORD,
      subjects: ['music'],
      ...extra,
    });

  beforeAll(async () => {
    browser = await launchChromium();
    admin = await apiLogin('admin');
    const period = [{ index: 1, startsAt: slot.startsAt, endsAt: slot.endsAt }];
    for (const school of Object.values(SCHOOL)) {
      await call(admin.accessToken, 'PUT', `/schools/${school}/bell-schedule`, { periods: period });
    }
    const terms = await call<TermView[]>(admin.accessToken, 'GET', '/terms');
    term = terms.find((t) => t.startsOn <= slot.date && slot.date <= t.endsOn) as TermView;
    // Fresh people and rooms, so lessons other specs start don't clash with this one.
    leadA = await user(`e2e.a.${tag}`, '甲老师', { roles: ['teacher'], schoolId: SCHOOL.urban } as Partial<UserView>);
    leadB = await user(`e2e.b.${tag}`, '乙老师', { roles: ['teacher'], schoolId: SCHOOL.urban } as Partial<UserView>);
    roomBusy = await call<ClassroomView>(admin.accessToken, 'POST', '/classrooms', {
      schoolId: SCHOOL.tanghe,
      name: `汤河录播教室 ${tag}`,
    });
    roomFree = await call<ClassroomView>(admin.accessToken, 'POST', '/classrooms', {
      schoolId: SCHOOL.shilin,
      name: `石林录播教室 ${tag}`,
    });
    await user(`e2e.t.${tag}`, '石林录播教室终端', {
      roles: ['terminal'],
      schoolId: SCHOOL.shilin,
      classroomId: roomFree.id,
    } as Partial<UserView>);
    const existing: CreateCourseScheduleRequest = {
      termId: term.id,
      subject: 'art',
      grade: 4,
      leadTeacherId: leadA.id,
      classroomIds: [roomBusy.id],
      weekday: slot.weekday,
      period: 1,
    };
    await call<CourseScheduleView>(admin.accessToken, 'POST', '/schedules', existing);
  });

  afterAll(async () => {
    await browser.close();
  });

  it('shows the clash, saves the resolved schedule, and the lesson is in the teacher’s and terminal’s today', async () => {
    expect(term).toBeDefined();
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, 'admin', 'Tongke-demo-2026');
    await page.waitForURL(/\/lessons$/);
    await page.goto(
      `${testBaseUrl()}/timetable?community=${COMMUNITY}&term=${term.id}&scope=teacher&target=${leadB.id}`,
    );
    const cell = page.getByTestId(`slot-${slot.date}-1`);
    await cell.scrollIntoViewIfNeeded();
    await cell.click();
    await page.getByTestId('schedule-teacher').selectOption(leadB.id);
    await page.getByTestId('schedule-subject').selectOption('music');
    await page.getByTestId('schedule-grade').selectOption('4');
    await page.locator(`[data-testid="schedule-classroom"][value="${roomBusy.id}"]`).check();

    const clash = page.locator('[data-testid="schedule-conflict"][data-kind="classroom_busy"]');
    await clash.waitFor();
    await expect(clash.textContent()).resolves.toContain(roomBusy.name);
    await expect(page.getByTestId('schedule-save').isDisabled()).resolves.toBe(true);

    await page.locator(`[data-testid="schedule-classroom"][value="${roomBusy.id}"]`).uncheck();
    await page.locator(`[data-testid="schedule-classroom"][value="${roomFree.id}"]`).check();
    await page.locator('[data-testid="schedule-check"][data-state="clear"]').waitFor();
    await expect(page.getByTestId('schedule-conflict').count()).resolves.toBe(0);
    await page.getByTestId('schedule-save').click();
    await page.getByTestId('schedule-dialog').waitFor({ state: 'detached' });
    // The week view shows the new lesson in the slot.
    await cell.locator('[data-testid^="lesson-"]').first().waitFor();

    for (const username of [leadB.username, `e2e.t.${tag}`]) {
      const ctx = await browser.newContext();
      const p = await ctx.newPage();
      await signIn(p, username, PASSWORD);
      await p.waitForURL(/\/lessons$/);
      const item = p.locator('[data-testid="lesson-item"]', { hasText: '乙老师' });
      await item.waitFor();
      await expect(item.textContent()).resolves.toContain(roomFree.name);
      await ctx.close();
    }
    await context.close();
  });
});
