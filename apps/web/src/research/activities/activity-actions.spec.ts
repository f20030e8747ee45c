import { describe, expect, it } from '@jest/globals';
import type { ResearchActivityView } from '@tongke/contracts';
import { activityActions, compareLink, reflectionRequest } from './activity-actions';

const view = (over: Partial<ResearchActivityView> = {}): ResearchActivityView => ({
  id: 'a1',
  communityId: 'c',
  groupId: 'g',
  groupName: '工作室',
  kind: 'lesson-study',
  title: '茉莉花',
  topic: '茉莉花',
  subject: 'music',
  grade: 4,
  teacher: { id: 'teacher', name: '李静' },
  plannedAt: '2026-03-10T00:00:00.000Z',
  evaluationCount: 0,
  stages: [],
  canManage: false,
  createdAt: '2026-03-01T00:00:00.000Z',
  ...over,
});
const on = (actions: ReturnType<typeof activityActions>) =>
  Object.entries(actions)
    .filter(([, v]) => v)
    .map(([k]) => k)
    .sort();

describe(activityActions.name, () => {
  it('offers the teacher to start the lesson, and to go back in while it runs', () => {
    expect(on(activityActions(view(), { id: 'teacher' }, 'member'))).toEqual(['reflect', 'startLesson']);
    const live = view({ sessionId: 's', sessionStatus: 'live' });
    expect(on(activityActions(live, { id: 'teacher' }, 'member'))).toEqual(['enterLesson', 'reflect']);
    const ended = view({ sessionId: 's', sessionStatus: 'ended', resourceId: 'r' });
    expect(on(activityActions(ended, { id: 'teacher' }, 'member'))).toEqual(['reflect', 'replay', 'startLesson']);
  });

  it('lets other readers observe while the lesson is open or live, and the lead reflect', () => {
    const open = view({ sessionId: 's', sessionStatus: 'scheduled' });
    expect(on(activityActions(open, { id: 'zhao' }, 'observer'))).toEqual(['observe']);
    expect(on(activityActions(open, { id: 'lead' }, 'lead'))).toEqual(['observe', 'reflect']);
    expect(on(activityActions(view(), { id: 'zhao' }, 'member'))).toEqual([]);
  });

  it('lets leads and members start a meeting, and everyone join it while it runs', () => {
    const meeting = view({ kind: 'meeting' });
    expect(on(activityActions(meeting, { id: 'zhao' }, 'member'))).toEqual(['startMeeting']);
    expect(on(activityActions(meeting, { id: 'wang' }, 'observer'))).toEqual([]);
    const running = view({ kind: 'meeting', sessionId: 's', sessionStatus: 'live' });
    expect(on(activityActions(running, { id: 'wang' }, 'observer'))).toEqual(['joinMeeting']);
  });
});

describe(compareLink.name, () => {
  it('links 2-4 distinct activities only', () => {
    expect(compareLink(['a'])).toBeNull();
    expect(compareLink(['a', 'a'])).toBeNull();
    expect(compareLink(['a', 'b'])).toBe('/research/compare?ids=a,b');
    expect(compareLink(['a', 'b', 'c', 'd', 'e'])).toBeNull();
  });
});

describe(reflectionRequest.name, () => {
  it('bases the save on the reflection shown, or on none', () => {
    expect(reflectionRequest(view(), '反思')).toEqual({ text: '反思', baseAt: null });
    const shown = view({ reflection: { text: '旧', by: { id: 'x', name: '李静' }, at: '2026-03-11T00:00:00.000Z' } });
    expect(reflectionRequest(shown, '新')).toEqual({ text: '新', baseAt: '2026-03-11T00:00:00.000Z' });
  });
});
