import { ProcStatParser } from './proc-stat.parser';

// A real line of a mediasoup worker (fields shortened after cstime).
const LINE =
  '4242 (mediasoup-worker) S 4200 4200 4200 0 -1 4194560 1500 0 0 0 1234 567 0 0 20 0 5 0 99999 123456789 2000';

describe(ProcStatParser.name, () => {
  it('reads utime and stime (fields 14 and 15)', () => {
    expect(ProcStatParser.parse(LINE)).toEqual({ utime: 1234, stime: 567 });
  });

  it('counts fields from the last parenthesis when the name holds spaces and parentheses', () => {
    const line = LINE.replace('(mediasoup-worker)', '(a (b) c)');
    expect(ProcStatParser.parse(line)).toEqual({ utime: 1234, stime: 567 });
  });

  it('rejects text that is not a stat line', () => {
    expect(() => ProcStatParser.parse('hello')).toThrow(/not a \/proc/);
    expect(() => ProcStatParser.parse('1 (x) S 1 2')).toThrow(/no utime/);
  });

  it('turns a tick delta into a percentage of one core', () => {
    // 425 ticks of 10 ms over 5 s = 4.25 s of CPU in 5 s = 85 %.
    const pct = ProcStatParser.percentOfCore({ utime: 1000, stime: 200 }, { utime: 1400, stime: 225 }, 5000, 100);
    expect(pct).toBeCloseTo(85, 6);
  });

  it('refuses a zero window and ticks going backwards', () => {
    const t = { utime: 10, stime: 10 };
    expect(() => ProcStatParser.percentOfCore(t, t, 0, 100)).toThrow(/positive/);
    expect(() => ProcStatParser.percentOfCore(t, { utime: 5, stime: 10 }, 1000, 100)).toThrow(/backwards/);
  });

  it("reads a core's busy and total ticks from /proc/stat and turns them into a busy percentage", () => {
    const stat = (idle: number) =>
      `cpu  10 0 10 ${2 * idle} 0 0 0 0 0 0\ncpu0 100 5 50 ${idle} 10 0 5 2 0 0\ncpu1 1 1 1 1 1 1 1 1 0 0\nintr 1\n`;
    const before = ProcStatParser.parseCore(stat(1000), 0);
    expect(before).toEqual({ busy: 162, total: 1172 });
    const after = { busy: before.busy + 60, total: before.total + 80 };
    expect(ProcStatParser.coreBusyPercent(before, after)).toBe(75);
    expect(() => ProcStatParser.parseCore(stat(1), 7)).toThrow(/no cpu7/);
  });
});
