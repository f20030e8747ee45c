import { describe, expect, it } from '@jest/globals';
import type { LiveSessionView } from '@tongke/contracts';
import { LessonRole } from '@tongke/contracts/live/lesson-role';
import { Role } from '@tongke/contracts/org';
import { canWatch, watchable, watchesBroadcasts } from './broadcast-list';

const lesson = (id: string, over: Partial<LiveSessionView> = {}): LiveSessionView => ({
  id,
  communityId: 'c1',
  kind: 'instant',
  title: `课 ${id}`,
  subject: 'music',
  grade: 4,
  status: 'live',
  leadTeacher: { id: 't1', name: '李静' },
  classrooms: [],
  plannedStart: '2026-03-02T08:00:00.000Z',
  plannedEnd: '2026-03-02T08:40:00.000Z',
  startedAt: '2026-03-02T08:01:00.000Z',
  opensAt: '2026-03-02T08:00:00.000Z',
  open: true,
  record: true,
  broadcast: true,
  ...over,
});

describe(canWatch.name, () => {
  it('offers a live broadcast lesson to members who do not take part in it', () => {
    expect(canWatch(lesson('a'), [Role.TEACHER])).toBe(true);
    expect(canWatch(lesson('a', { myRole: LessonRole.OBSERVER }), [Role.RESEARCH_OFFICER])).toBe(true);
    expect(canWatch(lesson('a'), [Role.ASSISTANT])).toBe(true);
  });

  it('does not offer it to its own participants, to terminals, nor when not broadcast or not live', () => {
    expect(canWatch(lesson('a', { myRole: LessonRole.LEAD }), [Role.TEACHER])).toBe(false);
    expect(canWatch(lesson('a', { myRole: LessonRole.ASSISTANT }), [Role.ASSISTANT])).toBe(false);
    expect(canWatch(lesson('a'), [Role.TERMINAL])).toBe(false);
    expect(canWatch(lesson('a', { broadcast: false }), [Role.TEACHER])).toBe(false);
    expect(canWatch(lesson('a', { status: 'scheduled' }), [Role.TEACHER])).toBe(false);
    expect(canWatch(lesson('a', { status: 'ended' }), [Role.TEACHER])).toBe(false);
  });
});

describe(watchable.name, () => {
  it('lists the watchable lessons, the most recently started first', () => {
    const lessons = [
      lesson('early', { startedAt: '2026-03-02T07:00:00.000Z' }),
      lesson('mine', { myRole: LessonRole.LEAD }),
      lesson('late', { startedAt: '2026-03-02T09:00:00.000Z' }),
      lesson('off', { broadcast: false }),
    ];
    expect(watchable(lessons, [Role.TEACHER]).map((l) => l.id)).toEqual(['late', 'early']);
    expect(watchesBroadcasts([Role.TERMINAL])).toBe(false);
  });
});
