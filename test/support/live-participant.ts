import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO } from './live-api';
import { testBaseUrl } from './test-env';

/** One remote track as the web client's test hook (`window.tongkeLive.stats()`) reports it. */
export interface ConsumerStat {
  consumerId: string;
  peerId: string;
  source: 'camera' | 'mic' | 'screen';
  kind: 'audio' | 'video';
  framesDecoded: number;
  totalSamplesReceived: number;
  bytesReceived: number;
  packetsLost: number;
}

interface LiveHook {
  peerId?: string;
  role?: string;
  stats(): Promise<ConsumerStat[]>;
}

const progressKey = (s: ConsumerStat) => `${s.peerId}/${s.kind}/${s.source}`;

/** A signed-in browser page in a live lesson, driven through the real web app. */
export class LiveParticipant {
  private constructor(
    readonly username: string,
    readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  static async open(
    browser: Browser,
    username: string,
    sessionId: string,
    opts: { as?: 'observer'; camera?: '480p' | 'default'; init?: () => void } = {},
  ): Promise<LiveParticipant> {
    const context = await browser.newContext({ permissions: ['camera', 'microphone'] });
    // Five pages share two cores in the e2e tests: capture at 480p (the setting a low-end terminal would use).
    if (opts.camera !== 'default') {
      await context.addInitScript(() =>
        (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem(
          'tongke.live.camera',
          '480p',
        ),
      );
    }
    if (opts.init) await context.addInitScript(opts.init);
    const participant = await LiveParticipant.signInWith(context, username);
    const query = opts.as ? `?as=${opts.as}` : '';
    await participant.page.goto(`${testBaseUrl()}/live/${sessionId}${query}`);
    await participant.waitForState('live');
    return participant;
  }

  /** A view-only viewer of a broadcast lesson on /watch/:id (名校网络课堂). */
  static async watch(browser: Browser, username: string, sessionId: string): Promise<LiveParticipant> {
    const viewer = await LiveParticipant.signIn(browser, username);
    await viewer.page.goto(`${testBaseUrl()}/watch/${sessionId}`);
    await viewer.waitForState('live', 30_000);
    return viewer;
  }

  /** A page of `username` signed in to the web app (for pages other than a live lesson). */
  static async signIn(browser: Browser, username: string): Promise<LiveParticipant> {
    return LiveParticipant.signInWith(await browser.newContext(), username);
  }

  private static async signInWith(context: BrowserContext, username: string): Promise<LiveParticipant> {
    const page = await context.newPage();
    await page.goto(`${testBaseUrl()}/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(DEMO.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    return new LiveParticipant(username, context, page);
  }

  waitForState(state: string, timeoutMs = 20_000): Promise<unknown> {
    return this.page
      .locator(`[data-testid="live-view"][data-state="${state}"]`)
      .waitFor({ state: 'attached', timeout: timeoutMs });
  }

  peerId(): Promise<string> {
    return this.page.evaluate(() => (globalThis as unknown as { tongkeLive: LiveHook }).tongkeLive.peerId ?? '');
  }

  stats(): Promise<ConsumerStat[]> {
    return this.page.evaluate(() => (globalThis as unknown as { tongkeLive: LiveHook }).tongkeLive.stats());
  }

  /**
   * Remote tracks whose decoding progressed over `windowMs`: `peerId/kind/source` keys of
   * video tracks with rising framesDecoded and audio tracks with rising totalSamplesReceived.
   */
  async progressing(windowMs = 1500): Promise<Set<string>> {
    const before = new Map((await this.stats()).map((s) => [s.consumerId, s]));
    await this.page.waitForTimeout(windowMs);
    const rising = new Set<string>();
    for (const s of await this.stats()) {
      const b = before.get(s.consumerId);
      if (!b) continue;
      const grew =
        s.kind === 'video' ? s.framesDecoded > b.framesDecoded : s.totalSamplesReceived > b.totalSamplesReceived;
      if (grew) rising.add(progressKey(s));
    }
    return rising;
  }

  /** Waits until this page decodes the given tracks of `peerId` (e.g. ['video/camera', 'audio/mic']). */
  async waitDecoding(peerId: string, tracks: string[], timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = new Set<string>();
    while (Date.now() < deadline) {
      last = await this.progressing();
      if (tracks.every((t) => last.has(`${peerId}/${t}`))) return;
    }
    throw new Error(
      `${this.username} does not decode ${tracks.join(', ')} of ${peerId}; decoding: ${[...last].join(', ')}`,
    );
  }

  /** Waits until this page receives nothing from `peerId`. */
  async waitNotReceiving(peerId: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!(await this.progressing(1000)).has(`${peerId}/video/camera`)) {
        const tracks = (await this.stats()).filter((s) => s.peerId === peerId);
        if (tracks.length === 0) return;
      }
    }
    throw new Error(`${this.username} still receives from ${peerId}`);
  }

  /** Waits until this page no longer decodes one track (e.g. 'video/screen') of `peerId`. */
  async waitNotReceivingTrack(peerId: string, track: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!(await this.progressing(1000)).has(`${peerId}/${track}`)) return;
    }
    throw new Error(`${this.username} still decodes ${track} of ${peerId}`);
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
