import type { BellPeriod, TermView, TimetableEntry } from '@tongke/contracts';

// Builders for the timetable specs: the demo alliance's urban periods and term.

export const URBAN_PERIODS: BellPeriod[] = [
  { index: 1, startsAt: '08:00', endsAt: '08:40' },
  { index: 2, startsAt: '08:50', endsAt: '09:30' },
  { index: 3, startsAt: '10:00', endsAt: '10:40' },
  { index: 4, startsAt: '10:50', endsAt: '11:30' },
];

export const TERM: TermView = {
  id: 'term-1',
  communityId: 'c1',
  name: '2026—2027 学年第一学期',
  startsOn: '2026-09-01',
  endsOn: '2027-01-22',
  holidays: [{ name: '国庆节', startsOn: '2026-10-01', endsOn: '2026-10-07' }],
  makeupDays: [{ date: '2026-10-10', followsWeekday: 5 }],
  timeZone: 'Asia/Shanghai',
};

export function entry(
  sessionId: string,
  date: string,
  startsAt: string,
  endsAt: string,
  extra: Partial<TimetableEntry> = {},
) {
  return {
    sessionId,
    scheduleId: `sch-${sessionId}`,
    kind: 'scheduled',
    title: `音乐 · 4年级 ${sessionId}`,
    subject: 'music',
    grade: 4,
    status: 'scheduled',
    date,
    startsAt,
    endsAt,
    plannedStart: `${date}T${startsAt}:00+08:00`,
    plannedEnd: `${date}T${endsAt}:00+08:00`,
    leadTeacher: { id: `t-${sessionId}`, name: '李静' },
    classrooms: [{ id: `r-${sessionId}`, name: '同步课堂教室', schoolId: 's1', schoolName: '汤河乡中心小学' }],
    ...extra,
  } satisfies TimetableEntry as TimetableEntry;
}
