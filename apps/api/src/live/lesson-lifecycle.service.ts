import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { LessonConfig } from '@tongke/config';
import { LiveSessionRepository } from './repositories/live-session.repository';
import { RedisLock } from './redis-lock.adapter';
import { SessionIndexService } from './session-index/session-index.service';

const TICK = 'lesson-lifecycle';
const PAUSE_RETRY_MS = 200;

/**
 * The lesson lifecycle tick: every LESSON_LIFECYCLE_TICK_S, timetabled lessons nobody joined
 * (still `scheduled`) whose planned end is more than LESSON_MISSED_GRACE_MIN ago become
 * `missed` (candidates from the session index's planned-end set, updated by `_id`). Every API process schedules it; a Redis lock lets one run it at a time.
 */
@Injectable()
export class LessonLifecycleService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(LessonLifecycleService.name);
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly sessions: LiveSessionRepository,
    private readonly index: SessionIndexService,
    private readonly lock: RedisLock,
    private readonly config: LessonConfig,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    const interval = setInterval(() => {
      this.running = this.tick().catch((err: Error) =>
        this.logger.error(`lesson lifecycle tick failed: ${err.message}`),
      );
    }, this.config.lifecycleTickS * 1000);
    this.scheduler.addInterval(TICK, interval);
  }

  /** Lets a tick in flight finish before the database and Redis connections close. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.scheduler.doesExist('interval', TICK)) this.scheduler.deleteInterval(TICK);
    await this.running;
  }

  /**
   * One tick as of `now`: answers how many lessons it marked missed, or null when another
   * process (or a tick still running) holds the lock.
   */
  async tick(now = new Date()): Promise<number | null> {
    const endedBefore = new Date(now.getTime() - this.config.missedGraceMin * 60_000);
    const ttlMs = this.config.lifecycleTickS * 1000;
    const result = await this.lock.runExclusive(TICK, ttlMs, async () =>
      this.sessions.markMissed(await this.index.dueBefore(endedBefore), endedBefore),
    );
    if (!result.ran) return null;
    if (result.value > 0) this.logger.log(`marked ${result.value} timetabled lesson(s) missed`);
    return result.value;
  }

  /**
   * Runs `work` while no tick runs in any process (it holds the ticks' lock for at most
   * `maxMs`; a tick in progress is waited for), e.g. to write past lessons and their records
   * without a tick marking them missed half-way.
   */
  async paused<T>(work: () => Promise<T>, maxMs: number): Promise<T> {
    const deadline = Date.now() + Math.max(maxMs, this.config.lifecycleTickS * 1000);
    while (Date.now() < deadline) {
      const result = await this.lock.runExclusive(TICK, maxMs, work);
      if (result.ran) return result.value;
      await new Promise((resolve) => setTimeout(resolve, PAUSE_RETRY_MS));
    }
    throw new Error('the lesson lifecycle stayed busy');
  }
}
