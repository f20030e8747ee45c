import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

/**
 * Best-effort CPU pinning with `taskset`: the mediasoup worker alone on core 0, everything
 * else (this process, Chromium, the platform's services) on core 1, so the worker's
 * figure is not disturbed by its own load generator. Records whether it worked.
 */
export class CorePinner {
  readonly available: boolean;
  private readonly failures: string[] = [];

  constructor() {
    this.available = availableParallelism() >= 2 && CorePinner.hasTaskset();
  }

  private static hasTaskset(): boolean {
    try {
      execFileSync('taskset', ['-V'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  }

  /** Pins every thread of `pid` to `core`; children started afterwards inherit it. */
  pin(pid: number, core: number): boolean {
    if (!this.available) return false;
    try {
      execFileSync('taskset', ['-a', '-p', '-c', String(core), String(pid)], { stdio: 'ignore' });
      return true;
    } catch (err) {
      this.failures.push(`pid ${pid} → core ${core}: ${(err as Error).message}`);
      return false;
    }
  }

  get errors(): readonly string[] {
    return this.failures;
  }
}
