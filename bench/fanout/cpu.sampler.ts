import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { type CoreTicks, type ProcCpuTicks, ProcStatParser } from './proc-stat.parser';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface CpuWindow {
  /** The process's CPU (user + system, all threads) in % of one core. */
  processPercent: number;
  /** How busy the process's core was overall (the process plus anyone else on it); null if not pinned. */
  coreBusyPercent: number | null;
}

/** Measures one process's CPU from /proc/<pid>/stat, and its core's load from /proc/stat. */
export class CpuSampler {
  private readonly clockTicksPerSec: number;

  constructor(
    private readonly pid: number,
    private readonly core: number | null,
  ) {
    this.clockTicksPerSec = CpuSampler.clockTicks();
  }

  private static clockTicks(): number {
    try {
      const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
      return Number.isFinite(ticks) && ticks > 0 ? ticks : 100;
    } catch {
      return 100; // Linux's USER_HZ on every mainstream architecture.
    }
  }

  private read(): ProcCpuTicks {
    return ProcStatParser.parse(readFileSync(`/proc/${this.pid}/stat`, 'utf8'));
  }

  private readCore(): CoreTicks | null {
    return this.core === null ? null : ProcStatParser.parseCore(readFileSync('/proc/stat', 'utf8'), this.core);
  }

  /** The process's CPU and its core's load over the next `windowMs`. */
  async measure(windowMs: number): Promise<CpuWindow> {
    const [before, coreBefore] = [this.read(), this.readCore()];
    const t0 = performance.now();
    await sleep(windowMs);
    const [after, coreAfter] = [this.read(), this.readCore()];
    return {
      processPercent: ProcStatParser.percentOfCore(before, after, performance.now() - t0, this.clockTicksPerSec),
      coreBusyPercent: coreBefore && coreAfter ? ProcStatParser.coreBusyPercent(coreBefore, coreAfter) : null,
    };
  }
}
