import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { type ProcCpuTicks, ProcStatParser } from '../fanout/proc-stat.parser';

export interface ProcessUsage {
  /** CPU (user + system, all threads) over the window, in cores: CPU seconds / wall seconds. */
  cores: number;
  cpuSeconds: number;
  wallSeconds: number;
  /** Highest resident set size seen (sum over the processes' own peaks), MiB. */
  peakRssMb: number;
}

const clockTicks = (): number => {
  try {
    const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isFinite(ticks) && ticks > 0 ? ticks : 100;
  } catch {
    return 100;
  }
};

/** CPU time and memory of a set of processes over a window, from /proc/<pid>/stat and status. */
export class ProcessUsageSampler {
  private readonly start: ProcCpuTicks[];
  private readonly t0 = performance.now();
  private readonly peaks: number[];
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly pids: number[]) {
    this.start = pids.map((pid) => ProcessUsageSampler.ticks(pid));
    this.peaks = pids.map(() => 0);
    this.sampleRss();
    this.timer = setInterval(() => this.sampleRss(), 1000);
  }

  private static ticks(pid: number): ProcCpuTicks {
    return ProcStatParser.parse(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  }

  private sampleRss(): void {
    this.pids.forEach((pid, i) => {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
      this.peaks[i] = Math.max(this.peaks[i], kb / 1024);
    });
  }

  /** Ends the window (every process must still be running). */
  stop(): ProcessUsage {
    clearInterval(this.timer);
    this.sampleRss();
    const end = this.pids.map((pid) => ProcessUsageSampler.ticks(pid));
    const wallSeconds = (performance.now() - this.t0) / 1000;
    const ticks = end.reduce((sum, e, i) => sum + e.utime + e.stime - this.start[i].utime - this.start[i].stime, 0);
    const cpuSeconds = ticks / clockTicks();
    const peakRssMb = this.peaks.reduce((a, b) => a + b, 0);
    return { cores: cpuSeconds / wallSeconds, cpuSeconds, wallSeconds, peakRssMb };
  }
}
