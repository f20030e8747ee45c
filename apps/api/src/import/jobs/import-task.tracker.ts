import { type BeforeApplicationShutdown, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { ImportInterruptedError } from './import-interrupted.error';

/**
 * Runs imports' dry runs and commits in the background of the process that accepted them.
 * On shutdown, running jobs stop at their next checkpoint (a commit then removes what it
 * wrote) and the shutdown waits for them, while the database is still open.
 */
@Injectable()
export class ImportTaskTracker implements OnModuleDestroy, BeforeApplicationShutdown {
  private readonly logger = new Logger(ImportTaskTracker.name);
  private readonly running = new Set<Promise<void>>();
  private stopping = false;

  /** Starts `task` without waiting for it; the task records its own outcome, anything it lets escape is logged. */
  run(task: () => Promise<void>): void {
    const promise: Promise<void> = task()
      .catch((err: unknown) =>
        this.logger.error(`import task failed: ${err instanceof Error ? err.message : String(err)}`),
      )
      .finally(() => this.running.delete(promise));
    this.running.add(promise);
  }

  /** Called by tasks between batches: throws once the server is shutting down. */
  checkpoint(): void {
    if (this.stopping) throw new ImportInterruptedError('the server shut down while the import was running');
  }

  onModuleDestroy(): void {
    this.stopping = true;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }
}
