/** CPU time of one process as read from /proc/<pid>/stat, in clock ticks. */
export interface ProcCpuTicks {
  utime: number;
  stime: number;
}

/** Time one core spent busy and in total, from its `cpuN` line in /proc/stat (clock ticks). */
export interface CoreTicks {
  busy: number;
  total: number;
}

/**
 * Pure parsing and arithmetic for /proc/<pid>/stat and /proc/stat, kept apart from the file reads so
 * the CPU math can be unit-tested.
 */
export class ProcStatParser {
  /**
   * utime and stime (fields 14 and 15) of a /proc/<pid>/stat line. The command name
   * (field 2) is in parentheses and may itself contain spaces or parentheses, so fields
   * are counted from the last ')'.
   */
  static parse(line: string): ProcCpuTicks {
    const close = line.lastIndexOf(')');
    if (close < 0) throw new Error(`not a /proc/<pid>/stat line: ${line.slice(0, 80)}`);
    // After ')' comes field 3 (state); utime is field 14, i.e. index 11 of the rest.
    const rest = line
      .slice(close + 1)
      .trim()
      .split(/\s+/);
    const utime = Number(rest[11]);
    const stime = Number(rest[12]);
    if (!Number.isFinite(utime) || !Number.isFinite(stime)) {
      throw new Error(`no utime/stime in /proc/<pid>/stat line: ${line.slice(0, 80)}`);
    }
    return { utime, stime };
  }

  /** Busy and total ticks of core `core` from the text of /proc/stat. */
  static parseCore(procStat: string, core: number): CoreTicks {
    const line = procStat.split('\n').find((l) => l.startsWith(`cpu${core} `));
    if (!line) throw new Error(`no cpu${core} line in /proc/stat`);
    // user nice system idle iowait irq softirq steal (guest time is already in user/nice).
    const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1, 9).map(Number);
    const busy = user + nice + system + irq + softirq + (steal || 0);
    return { busy, total: busy + idle + iowait };
  }

  /** How busy a core was between two readings, in percent. */
  static coreBusyPercent(before: CoreTicks, after: CoreTicks): number {
    const total = after.total - before.total;
    return total > 0 ? (100 * (after.busy - before.busy)) / total : 0;
  }

  /** CPU used between two readings, as a percentage of one core. */
  static percentOfCore(before: ProcCpuTicks, after: ProcCpuTicks, elapsedMs: number, clockTicksPerSec: number): number {
    if (elapsedMs <= 0) throw new Error('elapsed time must be positive');
    const ticks = after.utime + after.stime - (before.utime + before.stime);
    if (ticks < 0) throw new Error('CPU ticks went backwards (a different process?)');
    return ((ticks / clockTicksPerSec) * 1000 * 100) / elapsedMs;
  }
}
