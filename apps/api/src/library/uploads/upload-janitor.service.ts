import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { TusUploadServer } from './tus/tus-upload.server';

/** How often unfinished uploads past their expiry are looked for. */
export const UPLOAD_SWEEP_INTERVAL_MS = 3600 * 1000;

/**
 * Removes unfinished uploads once they expire (a day after creation), at startup and every hour.
 * Every API process sweeps the same directory; removing what another one removed is harmless.
 */
@Injectable()
export class UploadJanitor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(UploadJanitor.name);
  private timer?: NodeJS.Timeout;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly tus: TusUploadServer) {}

  onApplicationBootstrap(): void {
    const sweep = () => {
      this.running = this.sweep();
    };
    sweep();
    this.timer = setInterval(sweep, UPLOAD_SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async sweep(): Promise<void> {
    try {
      const removed = await this.tus.sweepExpired();
      if (removed > 0) this.logger.log(`removed ${removed} expired unfinished upload(s)`);
    } catch (err) {
      this.logger.error(`sweeping expired uploads failed: ${(err as Error).message}`);
    }
  }
}
