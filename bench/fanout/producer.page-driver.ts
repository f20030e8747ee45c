import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  EXPOSED_SIGNAL_FUNCTION,
  type OutboundStreamStats,
  type PublishConfig,
  type PublishResult,
} from './page/producer-page.types';

/** What the bench answers to the page's requests on the baseline side (the contracts' Ack shape). */
export type SignalHandler = (name: string, payload: Record<string, unknown>) => Promise<unknown>;

interface PageHook {
  fanout: { publish(c: PublishConfig): Promise<PublishResult>; outboundStats(): Promise<OutboundStreamStats[]> };
}

/** The producer's Chromium page: loads the bundled page script and drives it. */
export class ProducerPageDriver {
  private readonly errors: string[] = [];

  private constructor(
    private readonly context: BrowserContext,
    readonly page: Page,
  ) {
    page.on('pageerror', (err) => this.errors.push(err.message));
    page.on('crash', () => this.errors.push('the page crashed'));
    page.on('console', (msg) => {
      if (msg.type() === 'error') this.errors.push(msg.text());
    });
  }

  /** Opens the page served at `url` (see ProducerPageServer); `handler` answers its requests on the baseline side. */
  static async open(browser: Browser, url: string, handler?: SignalHandler): Promise<ProducerPageDriver> {
    const context = await browser.newContext({ permissions: ['camera', 'microphone'] });
    const page = await context.newPage();
    if (handler) await page.exposeFunction(EXPOSED_SIGNAL_FUNCTION, handler);
    await page.goto(url);
    await page.waitForFunction(() => 'fanout' in globalThis);
    return new ProducerPageDriver(context, page);
  }

  publish(config: PublishConfig): Promise<PublishResult> {
    return this.page.evaluate((c) => (globalThis as unknown as PageHook).fanout.publish(c), config);
  }

  outboundStats(): Promise<OutboundStreamStats[]> {
    return this.page.evaluate(() => (globalThis as unknown as PageHook).fanout.outboundStats());
  }

  /** Errors the page logged (shown if something fails). */
  get pageErrors(): readonly string[] {
    return this.errors;
  }

  close(): Promise<void> {
    return this.context.close();
  }
}
