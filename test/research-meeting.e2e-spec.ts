import type { ResearchActivityView } from '@tongke/contracts';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { fakeScreenShare } from './support/fake-screen';
import { apiLogin, call, eventually } from './support/live-api';
import { LiveParticipant } from './support/live-participant';
import { createGroup, RESEARCH_USERS } from './support/research-api';
import { testBaseUrl } from './support/test-env';

// Issue 6, 网络教研: a research group's online meeting on the media node. The host and two members
// each publish camera and mic and see the other two; a member's screen share reaches everyone; the
// host ends it for all.

interface PageVideo {
  videoWidth: number;
  currentTime: number;
  muted: boolean;
  play(): Promise<void>;
}

/** Decoded-frame progress of every video matching `selector` on the page. */
function videoTimes(page: Page, selector: string): Promise<{ width: number; time: number }[]> {
  return page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const v = el as unknown as PageVideo;
      return { width: v.videoWidth, time: v.currentTime };
    }),
  );
}

/** Waits until `count` videos matching `selector` show pictures and keep playing. */
async function waitVideosPlaying(page: Page, selector: string, count: number, timeoutMs = 30_000): Promise<void> {
  await eventually(
    async () => {
      const before = await videoTimes(page, selector);
      await page.waitForTimeout(700);
      const after = await videoTimes(page, selector);
      const playing = after.filter((v, i) => v.width > 0 && v.time > (before[i]?.time ?? Infinity));
      if (playing.length !== count) throw new Error(`${playing.length}/${count} playing: ${JSON.stringify(after)}`);
    },
    timeoutMs,
    300,
  );
}

describe('网络教研: an online research meeting (real Chromium)', () => {
  let browser: Browser;
  let sessionId: string;
  const people: LiveParticipant[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    const group = await createGroup(RESEARCH_USERS.lead.username, {
      name: `e2e 网络教研 ${Date.now()}`,
      kind: 'group',
      subject: 'music',
      grades: [4],
      members: [
        { userId: RESEARCH_USERS.member.id, role: 'member' },
        { userId: RESEARCH_USERS.outsider.id, role: 'member' },
      ],
    });
    const { accessToken } = await apiLogin(RESEARCH_USERS.lead.username);
    const activity = await call<ResearchActivityView>('/api/research/activities', {
      method: 'POST',
      token: accessToken,
      body: JSON.stringify({
        groupId: group.id,
        kind: 'meeting',
        title: '网络教研：第四单元集体备课',
        subject: 'music',
        grade: 4,
        plannedAt: new Date().toISOString(),
      }),
    });
    const started = await call<ResearchActivityView>(`/api/research/activities/${activity.id}/meeting`, {
      method: 'POST',
      token: accessToken,
      body: JSON.stringify({}),
    });
    sessionId = started.sessionId!;
    for (const user of [RESEARCH_USERS.lead, RESEARCH_USERS.member, RESEARCH_USERS.outsider]) {
      const person = await LiveParticipant.signIn(browser, user.username);
      await person.context.addInitScript(fakeScreenShare);
      await person.page.goto(`${testBaseUrl()}/meeting/${sessionId}`);
      people.push(person);
    }
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('everyone sees and hears the other two', async () => {
    for (const person of people) {
      await eventually(async () => expect(await person.page.getByTestId('meeting-tile').count()).toBe(2), 30_000);
      await waitVideosPlaying(person.page, '[data-testid="meeting-tile"] [data-testid="meeting-video"]', 2);
    }
  }, 120_000);

  it('a member’s screen share reaches the host and the other member', async () => {
    const [host, sharer, other] = people;
    await sharer.page.getByTestId('meeting-share').click();
    for (const person of [host, other]) {
      const screen = person.page.getByTestId('meeting-screen');
      await screen.waitFor({ timeout: 20_000 });
      expect(await screen.getAttribute('data-peer-name')).toContain('赵敏');
      await waitVideosPlaying(person.page, '[data-testid="meeting-screen-video"]', 1);
    }
  }, 90_000);

  it('the host ends the meeting for everyone', async () => {
    const [host, ...members] = people;
    await host.page.getByTestId('meeting-end').click();
    await host.page.getByTestId('confirm-ok').click();
    for (const member of members) await member.page.getByTestId('lesson-ended').waitFor({ timeout: 20_000 });
  }, 60_000);
});
