import { attendanceMinutes } from './attendance.calculator';

const t = (min: number) => new Date(Date.UTC(2026, 10, 23, 2, 0) + min * 60_000);

describe(attendanceMinutes.name, () => {
  it('sums closed intervals and shows a gap', () => {
    const intervals = [
      { joinedAt: t(0), leftAt: t(10) },
      { joinedAt: t(12), leftAt: t(20.5) },
    ];
    expect(attendanceMinutes(intervals, undefined, t(60))).toBe(18.5);
  });

  it('counts an open interval until now while the lesson runs', () => {
    expect(attendanceMinutes([{ joinedAt: t(5) }], undefined, t(12))).toBe(7);
  });

  it('counts an open interval only until the lesson ended', () => {
    expect(attendanceMinutes([{ joinedAt: t(5) }], t(30), t(90))).toBe(25);
    expect(attendanceMinutes([{ joinedAt: t(5), leftAt: t(45) }], t(30), t(90))).toBe(25);
  });

  it('counts overlapping intervals once and ignores empty ones', () => {
    const intervals = [
      { joinedAt: t(0), leftAt: t(10) },
      { joinedAt: t(5), leftAt: t(15) },
      { joinedAt: t(20), leftAt: t(20) },
      { joinedAt: t(40), leftAt: t(35) },
    ];
    expect(attendanceMinutes(intervals, undefined, t(60))).toBe(15);
  });

  it('rounds to a tenth of a minute', () => {
    expect(attendanceMinutes([{ joinedAt: t(0), leftAt: new Date(t(0).getTime() + 100_000) }], undefined, t(9))).toBe(
      1.7,
    );
    expect(attendanceMinutes([], undefined, t(9))).toBe(0);
  });
});
