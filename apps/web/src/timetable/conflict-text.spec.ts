import { describe, expect, it } from '@jest/globals';
import type { ScheduleConflict } from '@tongke/contracts';
import { conflictsOf, conflictText, dateLabel } from './conflict-text';
import { translator } from './testing/translate';

const zh = translator('zh-CN');
const en = translator('en');

const teacherBusy: ScheduleConflict = {
  kind: 'teacher_busy',
  message: 'Li Jing already teaches Music · Grade 4 on 2026-09-29 10:00–10:40 (12 dates)',
  date: '2026-09-29',
  dates: 12,
  teacher: { id: 't1', name: '李静' },
  other: { scheduleId: 's2', title: '音乐 · 4年级', startsAt: '10:00', endsAt: '10:40' },
};

describe(conflictText.name, () => {
  it('words a double-booked teacher with the date, the other lesson and how many dates clash', () => {
    expect(conflictText(teacherBusy, zh)).toBe(
      '主讲教师李静在9月29日（周二）已有课程《音乐 · 4年级》（10:00–10:40），时间重叠。（共 12 个日期冲突）',
    );
    expect(conflictText(teacherBusy, en)).toBe(
      'Lead teacher 李静 already teaches “音乐 · 4年级” on Tue 9/29 (10:00–10:40), at an overlapping time. (12 dates clash)',
    );
  });

  it('words a busy classroom with its school, and a single date without a count', () => {
    const conflict: ScheduleConflict = {
      kind: 'classroom_busy',
      message: 'x',
      date: '2026-09-30',
      dates: 1,
      classroom: { id: 'r1', name: '四年级同步课堂教室' },
      school: { id: 's1', name: '石林镇小学' },
      other: { sessionId: 'l1', title: '英语 · 4年级', startsAt: '10:20', endsAt: '11:00' },
    };
    expect(conflictText(conflict, zh)).toBe(
      '石林镇小学四年级同步课堂教室在9月30日（周三）已安排课程《英语 · 4年级》（10:20–11:00），教室被占用。',
    );
  });

  it('names the nearest period of a receiving school whose bell schedule does not fit', () => {
    const conflict: ScheduleConflict = {
      kind: 'bell_mismatch',
      message: 'x',
      school: { id: 's2', name: '汤河乡中心小学' },
      nearestPeriod: { index: 2, startsAt: '09:20', endsAt: '10:00' },
    };
    expect(conflictText(conflict, zh)).toBe(
      '汤河乡中心小学的作息时间对不上：最接近的是第2节（09:20–10:00），相差超过 5 分钟。',
    );
    expect(conflictText({ ...conflict, nearestPeriod: undefined }, zh)).toBe(
      '汤河乡中心小学的作息时间中没有与本节课对应的节次。',
    );
  });

  it('words holidays, dates outside the term and a lead school without a bell schedule', () => {
    expect(conflictText({ kind: 'holiday', message: 'x', date: '2026-10-01', holiday: '国庆节' }, zh)).toBe(
      '10月1日（周四）是假期（国庆节），不能安排上课。',
    );
    expect(conflictText({ kind: 'outside_term', message: 'x', date: '2027-02-01' }, zh)).toBe(
      '2月1日（周一）不在本学期范围内。',
    );
    expect(conflictText({ kind: 'outside_term', message: 'x' }, zh)).toBe('上课日期不在本学期范围内。');
    const noBell: ScheduleConflict = {
      kind: 'no_bell_schedule',
      message: 'x',
      school: { id: 's', name: '第一实验小学' },
    };
    expect(conflictText(noBell, zh)).toContain('第一实验小学还没有作息时间表');
  });

  it('falls back to the server’s sentence when a field the wording needs is missing', () => {
    expect(conflictText({ ...teacherBusy, teacher: undefined }, zh)).toBe(teacherBusy.message);
    expect(conflictText({ kind: 'future_kind' as ScheduleConflict['kind'], message: 'Something new' }, zh)).toBe(
      'Something new',
    );
  });
});

describe(dateLabel.name, () => {
  it('labels a date with month, day and weekday', () => {
    expect(dateLabel('2026-10-04', zh)).toBe('10月4日（周日）');
    expect(dateLabel('2026-10-04', en)).toBe('Sun 10/4');
  });
});

describe(conflictsOf.name, () => {
  it('reads the conflicts of a 409 body’s details and ignores anything else', () => {
    expect(conflictsOf([teacherBusy, { nope: 1 }, null])).toEqual([teacherBusy]);
    expect(conflictsOf(undefined)).toEqual([]);
    expect(conflictsOf('bad')).toEqual([]);
  });
});
