import { describe, expect, it } from '@jest/globals';
import type { LiveSessionView } from '@tongke/contracts';
import { lessonAction, todaysLessons } from './lesson-list';

const now = new Date(2026, 10, 23, 10, 0);
const local = (day: number, hour: number) => new Date(2026, 10, day, hour, 0).toISOString();

function lesson(id: string, status: LiveSessionView['status'], plannedStart: string, extra: object = {}) {
  return { id, status, plannedStart, plannedEnd: plannedStart, myRole: 'lead', ...extra } as LiveSessionView;
}

describe(todaysLessons.name, () => {
  it('keeps today’s lessons and any live one, live first, then by planned start', () => {
    const list = [
      lesson('ended-today', 'ended', local(23, 8), { endedAt: local(23, 9) }),
      lesson('later', 'scheduled', local(23, 14)),
      lesson('yesterday', 'scheduled', local(22, 14)),
      lesson('live-since-yesterday', 'live', local(22, 23)),
      lesson('soon', 'scheduled', local(23, 11)),
      lesson('tomorrow', 'scheduled', local(24, 9)),
    ];
    expect(todaysLessons(list, now).map((l) => l.id)).toEqual(['live-since-yesterday', 'soon', 'later', 'ended-today']);
  });
});

describe(lessonAction.name, () => {
  it('joins in one’s own role, observes as an observer, and offers nothing for ended lessons', () => {
    expect(lessonAction(lesson('a', 'live', local(23, 9)))).toBe('join');
    expect(lessonAction(lesson('a', 'scheduled', local(23, 9), { myRole: 'classroom' }))).toBe('join');
    expect(lessonAction(lesson('a', 'live', local(23, 9), { myRole: 'observer' }))).toBe('observe');
    expect(lessonAction(lesson('a', 'ended', local(23, 9)))).toBeNull();
    expect(lessonAction(lesson('a', 'live', local(23, 9), { myRole: undefined }))).toBeNull();
  });
});
