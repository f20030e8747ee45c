import { describe, expect, it } from '@jest/globals';
import { formatBytes, formatClock, formatRate, SpeedMeter, uploadPercent } from './upload-progress';

describe(SpeedMeter.name, () => {
  it('measures bytes per second over its window', () => {
    const meter = new SpeedMeter(5000);
    meter.add(0, 0);
    expect(meter.rate()).toBeNull();
    meter.add(1000, 2_000_000);
    expect(meter.rate()).toBe(2_000_000);
    meter.add(2000, 4_000_000);
    expect(meter.remaining(4_000_000, 10_000_000)).toBe(3);
  });

  it('forgets samples older than the window, so the speed follows changes', () => {
    const meter = new SpeedMeter(2000);
    meter.add(0, 0);
    meter.add(1000, 10_000_000); // fast at first
    for (let at = 2000; at <= 6000; at += 1000) meter.add(at, 10_000_000 + ((at - 1000) / 1000) * 1_000_000);
    expect(meter.rate()).toBe(1_000_000);
  });

  it('starts over after a pause or when the offset goes back', () => {
    const meter = new SpeedMeter();
    meter.add(0, 0);
    meter.add(1000, 1000);
    meter.reset();
    expect(meter.rate()).toBeNull();
    expect(meter.remaining(0, 100)).toBeNull();
    meter.add(5000, 5000);
    meter.add(6000, 3000); // a resumed upload restarted from an earlier offset
    meter.add(7000, 5000);
    expect(meter.rate()).toBe(2000);
  });

  it('has no time left while the speed is zero', () => {
    const meter = new SpeedMeter();
    meter.add(0, 100);
    meter.add(1000, 100);
    expect(meter.rate()).toBe(0);
    expect(meter.remaining(100, 200)).toBeNull();
  });
});

describe('upload progress formatting', () => {
  it('formats sizes and speeds', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(formatBytes(150 * 1024 * 1024)).toBe('150 MB');
    expect(formatBytes(2.25 * 1024 ** 3)).toBe('2.3 GB');
    expect(formatRate(1024 * 1024 * 1.5)).toBe('1.5 MB/s');
  });

  it('formats time left as a clock', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(59.6)).toBe('1:00');
    expect(formatClock(75)).toBe('1:15');
    expect(formatClock(3725)).toBe('1:02:05');
    expect(formatClock(-5)).toBe('0:00');
    expect(formatClock(Number.NaN)).toBe('0:00');
  });

  it('shows 100% only when every byte is there', () => {
    expect(uploadPercent(0, 0)).toBe(0);
    expect(uploadPercent(1, 3)).toBe(33.3);
    expect(uploadPercent(999_999, 1_000_000)).toBe(99.9);
    expect(uploadPercent(1_000_000, 1_000_000)).toBe(100);
  });
});
