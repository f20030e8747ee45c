// Upload progress as people read it: percent, bytes, speed and the time left. The speed is
// measured over a sliding window so one slow or fast chunk doesn't swing the estimate.

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** 1536 → "1.5 KB"; whole bytes below 1 KB, one decimal below 100 of a unit. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes <= 0) return '0 B';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${UNITS[unit]}`;
}

export function formatRate(bytesPerSecond: number): string {
  return `${formatBytes(bytesPerSecond)}/s`;
}

/** Seconds as a clock: 75 → "1:15", 3725 → "1:02:05". */
export function formatClock(seconds: number): string {
  const total = Math.max(0, Math.round(Number.isFinite(seconds) ? seconds : 0));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Percent done with one decimal, never 100 before the last byte. */
export function uploadPercent(loaded: number, total: number): number {
  if (total <= 0) return 0;
  if (loaded >= total) return 100;
  return Math.min(99.9, Math.floor((loaded / total) * 1000) / 10);
}

interface Sample {
  at: number;
  bytes: number;
}

/** Bytes per second over the last `windowMs` (fed with the upload's progress events). */
export class SpeedMeter {
  private samples: Sample[] = [];

  constructor(private readonly windowMs = 5000) {}

  add(at: number, bytes: number): void {
    const last = this.samples[this.samples.length - 1];
    if (last && bytes < last.bytes) this.samples = []; // restarted from an earlier offset
    this.samples.push({ at, bytes });
    while (this.samples.length > 2 && at - this.samples[1].at >= this.windowMs) this.samples.shift();
  }

  /** Forget the samples (after a pause: the idle time is no speed). */
  reset(): void {
    this.samples = [];
  }

  /** Bytes per second, or null until there is at least half a second of data. */
  rate(): number | null {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last || last.at - first.at < 500) return null;
    return ((last.bytes - first.bytes) * 1000) / (last.at - first.at);
  }

  /** Seconds left for `total` bytes, or null while the speed is unknown or zero. */
  remaining(loaded: number, total: number): number | null {
    const rate = this.rate();
    if (!rate || rate <= 0) return null;
    return Math.max(0, (total - loaded) / rate);
  }
}
