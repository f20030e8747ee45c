import type {
  CreateGroupRequest,
  CreatePlanRequest,
  LessonPlanView,
  PlanTextSection,
  ResearchGroupView,
} from '@tongke/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiLogin, call, eventually } from './live-api';
import { LiveParticipant } from './live-participant';
import { testBaseUrl } from './test-env';

// Research (issue 6) helpers for browser specs and the collab bench: groups and plans through
// the REST API, and a lesson-plan editor page driven like a teacher would.

/** The demo ids of the users the research specs use (apps/api/src/seed/demo-district.data.ts). */
export const RESEARCH_USERS = {
  lead: { username: 'music.li', id: '74e9c000000000000000012d' },
  member: { username: 'english.zhao', id: '74e9c000000000000000012e' },
  outsider: { username: 'art.chen', id: '74e9c000000000000000012f' },
} as const;

export async function createGroup(username: string, body: CreateGroupRequest): Promise<ResearchGroupView> {
  const { accessToken } = await apiLogin(username);
  return call<ResearchGroupView>('/api/research/groups', {
    method: 'POST',
    token: accessToken,
    body: JSON.stringify(body),
  });
}

export async function createPlan(username: string, body: CreatePlanRequest): Promise<LessonPlanView> {
  const { accessToken } = await apiLogin(username);
  return call<LessonPlanView>('/api/research/plans', {
    method: 'POST',
    token: accessToken,
    body: JSON.stringify(body),
  });
}

/** A group led by the demo music teacher with `members` (demo usernames → role) and a fresh plan in it. */
export async function groupWithPlan(
  name: string,
  members: { userId: string; role: 'member' | 'observer' }[],
  plan: Partial<CreatePlanRequest> = {},
): Promise<{ group: ResearchGroupView; plan: LessonPlanView }> {
  const group = await createGroup(RESEARCH_USERS.lead.username, {
    name,
    kind: 'studio',
    subject: 'music',
    grades: [4],
    members,
  });
  const created = await createPlan(RESEARCH_USERS.lead.username, {
    groupId: group.id,
    title: '《草原放牧》教学设计',
    topic: '草原放牧',
    subject: 'music',
    grade: 4,
    ...plan,
  });
  return { group, plan: created };
}

/** A signed-in browser context on the plan editor page. */
export class PlanEditorPage {
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  static async open(browser: Browser, username: string, planId: string): Promise<PlanEditorPage> {
    const { context, page } = await LiveParticipant.signIn(browser, username);
    await page.goto(`${testBaseUrl()}/research/plans/${planId}`);
    const editor = new PlanEditorPage(context, page);
    await editor.waitSaved();
    return editor;
  }

  section(section: PlanTextSection) {
    return this.page.locator(`[data-testid="plan-section-${section}"] .cm-content`);
  }

  /** The section's text as the editor shows it (CodeMirror lines joined with newlines). */
  text(section: PlanTextSection): Promise<string> {
    return this.section(section).evaluate((el) =>
      Array.from((el as unknown as { children: ArrayLike<{ textContent: string | null }> }).children)
        .map((line) => line.textContent ?? '')
        .join('\n'),
    );
  }

  /** Puts the caret at the end of the section. */
  async focusEnd(section: PlanTextSection): Promise<void> {
    await this.section(section).click();
    await this.page.keyboard.press('Control+End');
  }

  async waitSaved(timeoutMs = 20_000): Promise<void> {
    await this.page.locator('[data-testid="plan-save-state"][data-state="saved"]').waitFor({ timeout: timeoutMs });
  }

  async waitText(section: PlanTextSection, check: (text: string) => boolean, timeoutMs = 15_000): Promise<string> {
    return eventually(
      async () => {
        const text = await this.text(section);
        if (!check(text)) throw new Error(`section ${section} reads ${JSON.stringify(text)}`);
        return text;
      },
      timeoutMs,
      100,
    );
  }

  close(): Promise<void> {
    return this.context.close();
  }
}
