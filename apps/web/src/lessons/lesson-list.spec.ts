import { describe, expect, it } from '@jest/globals';
import type { LiveSessionView } from '@tongke/contracts';
import { LessonRole } from '@tongke/contracts/live/lesson-role';
import { canEnter, clockTime, countdown, lessonAction, lessonPhase, refreshDue, sortToday } from './lesson-list';

const at = (hour: number, minute = 0) => new Date(2026, 10, 23, hour, minute).toISOString();

function lesson(id: string, status: LiveSessionView['status'], start: string, extra: Partial<LiveSessionView> = {}) {
  return {
    id,
    status,
    plannedStart: start,
    plannedEnd: start,
    opensAt: start,
    open: false,
    myRole: LessonRole.LEAD,
    ...extra,
  } as LiveSessionView;
}

describe(lessonPhase.name, () => {
  it('tells 未开始 from 可进入 by the room being open, and keeps the other statuses', () => {
    expect(lessonPhase(lesson('a', 'scheduled', at(10)))).toBe('upcoming');
    expect(lessonPhase(lesson('a', 'scheduled', at(10), { open: true }))).toBe('open');
    expect(lessonPhase(lesson('a', 'live', at(10), { open: true }))).toBe('live');
    expect(lessonPhase(lesson('a', 'ended', at(10)))).toBe('ended');
    expect(lessonPhase(lesson('a', 'missed', at(10)))).toBe('missed');
    expect(lessonPhase(lesson('a', 'cancelled', at(10)))).toBe('cancelled');
  });
});

describe(sortToday.name, () => {
  it('puts live and open lessons first, then the ones to come, then the finished; each by start', () => {
    const list = [
      lesson('ended-8', 'ended', at(8)),
      lesson('later-14', 'scheduled', at(14)),
      lesson('cancelled-9', 'cancelled', at(9)),
      lesson('open-11', 'scheduled', at(11), { open: true }),
      lesson('live-10', 'live', at(10), { open: true }),
      lesson('soon-13', 'scheduled', at(13)),
      lesson('missed-7', 'missed', at(7)),
    ];
    expect(sortToday(list).map((l) => l.id)).toEqual([
      'live-10',
      'open-11',
      'soon-13',
      'later-14',
      'missed-7',
      'ended-8',
      'cancelled-9',
    ]);
  });
});

describe(lessonAction.name, () => {
  it('enters in one’s own role or observes, and offers nothing for finished lessons or non-participants', () => {
    expect(lessonAction(lesson('a', 'live', at(9)))).toBe('join');
    expect(lessonAction(lesson('a', 'scheduled', at(9), { myRole: LessonRole.CLASSROOM }))).toBe('join');
    expect(lessonAction(lesson('a', 'live', at(9), { myRole: LessonRole.OBSERVER }))).toBe('observe');
    expect(lessonAction(lesson('a', 'ended', at(9)))).toBeNull();
    expect(lessonAction(lesson('a', 'missed', at(9)))).toBeNull();
    expect(lessonAction(lesson('a', 'cancelled', at(9)))).toBeNull();
    expect(lessonAction(lesson('a', 'live', at(9), { myRole: undefined }))).toBeNull();
  });
});

describe(canEnter.name, () => {
  it('enables the button when the room is open, and always for a live lesson', () => {
    expect(canEnter(lesson('a', 'scheduled', at(9)))).toBe(false);
    expect(canEnter(lesson('a', 'scheduled', at(9), { open: true }))).toBe(true);
    expect(canEnter(lesson('a', 'live', at(9), { open: false }))).toBe(true);
  });
});

describe(countdown.name, () => {
  const now = new Date(2026, 10, 23, 9, 0, 0).getTime();
  it('counts down in m:ss under an hour and h:mm:ss beyond, never below zero', () => {
    expect(countdown(new Date(now + 4 * 60_000 + 5_000).toISOString(), now)).toBe('4:05');
    expect(countdown(new Date(now + 500).toISOString(), now)).toBe('0:01');
    expect(countdown(new Date(now + 3_723_000).toISOString(), now)).toBe('1:02:03');
    expect(countdown(new Date(now - 10_000).toISOString(), now)).toBe('0:00');
  });
});

describe(refreshDue.name, () => {
  it('asks again once a room opened after the last fetch, and only then', () => {
    const fetchedAt = new Date(at(9, 50)).getTime();
    const waiting = lesson('a', 'scheduled', at(10, 10), { opensAt: at(10) });
    expect(refreshDue([waiting], new Date(at(9, 59)).getTime(), fetchedAt)).toBe(false);
    expect(refreshDue([waiting], new Date(at(10)).getTime(), fetchedAt)).toBe(true);
    expect(refreshDue([{ ...waiting, open: true }], new Date(at(10)).getTime(), fetchedAt)).toBe(false);
    // Already past its opening when fetched and still closed (the server said no): don't loop.
    expect(refreshDue([waiting], new Date(at(10, 5)).getTime(), new Date(at(10, 1)).getTime())).toBe(false);
  });
});

describe('clockTime', () => {
  it('shows times in the community’s zone, not the browser’s', () => {
    expect(clockTime('2026-11-24T06:30:00Z')).toBe('14:30');
    expect(clockTime('2026-11-24T06:30:00Z', 'UTC')).toBe('06:30');
  });
});
