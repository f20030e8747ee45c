import { describe, expect, it } from '@jest/globals';
import type { LiveSessionView, ResearchActivityView, RubricView } from '@tongke/contracts';
import {
  activityEditForm,
  linkableSessions,
  rubricChoices,
  rubricLocked,
  toUpdateActivityRequest,
} from './activity-edit.form';
import { toLocalInput } from './new-activity.form';

const COMMUNITY = 'c0000000000000000000000a';
const planned = new Date(2026, 2, 10, 8, 0).toISOString();

const view = (over: Partial<ResearchActivityView> = {}): ResearchActivityView => ({
  id: 'a1',
  communityId: COMMUNITY,
  groupId: 'g1',
  groupName: '音乐教研组',
  kind: 'lesson-study',
  title: '茉莉花',
  topic: '茉莉花',
  subject: 'music',
  grade: 4,
  teacher: { id: 't1', name: '王老师' },
  plannedAt: planned,
  evaluationCount: 0,
  stages: [],
  canManage: true,
  createdAt: planned,
  ...over,
});

const session = (over: Partial<LiveSessionView> = {}): LiveSessionView => ({
  id: 's1',
  communityId: COMMUNITY,
  kind: 'scheduled',
  title: '音乐',
  subject: 'music',
  grade: 4,
  status: 'scheduled',
  leadTeacher: { id: 't1', name: '王老师' },
  classrooms: [],
  plannedStart: '2026-03-10T00:00:00.000Z',
  plannedEnd: '2026-03-10T00:40:00.000Z',
  opensAt: '2026-03-09T23:55:00.000Z',
  open: false,
  record: true,
  broadcast: false,
  ...over,
});

const rubric = (id: string, over: Partial<RubricView> = {}): RubricView => ({
  id,
  name: id,
  builtIn: false,
  communityId: COMMUNITY,
  dimensions: [],
  ...over,
});

describe(toUpdateActivityRequest.name, () => {
  it('starts from the activity as it stands, with the built-in rubric when it has none', () => {
    expect(activityEditForm(view())).toEqual({
      title: '茉莉花',
      topic: '茉莉花',
      plannedAt: toLocalInput(new Date(planned)),
      planId: '',
      sessionId: '',
      rubricId: 'default',
    });
  });

  it('sends only what changed', () => {
    const form = { ...activityEditForm(view()), planId: 'p1', sessionId: 's1', rubricId: 'r1' };
    expect(toUpdateActivityRequest(view(), form)).toEqual({ planId: 'p1', sessionId: 's1', rubricId: 'r1' });
    const moved = { ...activityEditForm(view()), title: ' 新课题 ', plannedAt: '2026-03-12T09:30' };
    expect(toUpdateActivityRequest(view(), moved)).toEqual({
      title: '新课题',
      plannedAt: new Date('2026-03-12T09:30').toISOString(),
    });
  });

  it('unlinks the plan and the lesson with null', () => {
    const linked = view({ planId: 'p1', sessionId: 's1', rubricId: 'r1' });
    const form = { ...activityEditForm(linked), planId: '', sessionId: '' };
    expect(toUpdateActivityRequest(linked, form)).toEqual({ planId: null, sessionId: null });
  });

  it('names the first problem, and says when nothing changed', () => {
    const form = activityEditForm(view());
    expect(toUpdateActivityRequest(view(), { ...form, title: '  ' })).toBe('title');
    expect(toUpdateActivityRequest(view(), { ...form, plannedAt: '' })).toBe('plannedAt');
    expect(toUpdateActivityRequest(view(), { ...form, plannedAt: 'soon' })).toBe('plannedAt');
    expect(toUpdateActivityRequest(view(), { ...form, title: ' 茉莉花 ' })).toBe('unchanged');
  });
});

describe(linkableSessions.name, () => {
  it("offers the teacher's lessons of the community, next ones first, never missed or cancelled ones", () => {
    const list = [
      session({ id: 'old', plannedStart: '2026-03-01T00:00:00.000Z', status: 'ended' }),
      session({ id: 'next', plannedStart: '2026-03-20T00:00:00.000Z' }),
      session({ id: 'instant', kind: 'instant', plannedStart: '2026-03-05T00:00:00.000Z', status: 'live' }),
      session({ id: 'other-teacher', leadTeacher: { id: 't2', name: '李老师' } }),
      session({ id: 'other-community', communityId: 'c0000000000000000000000b' }),
      session({ id: 'meeting', kind: 'meeting' }),
      session({ id: 'missed', status: 'missed' }),
      session({ id: 'cancelled', status: 'cancelled' }),
    ];
    expect(linkableSessions(list, view()).map((s) => s.id)).toEqual(['next', 'instant', 'old']);
    expect(linkableSessions(list, view({ kind: 'meeting' })).map((s) => s.id)).toEqual(['meeting']);
  });

  it('keeps the linked session whatever it is', () => {
    const list = [session({ id: 'linked', status: 'cancelled' })];
    expect(linkableSessions(list, view({ sessionId: 'linked' })).map((s) => s.id)).toEqual(['linked']);
  });
});

describe(rubricChoices.name, () => {
  it("offers the built-in rubric and the activity community's, plus its current one", () => {
    const list = [
      rubric('default', { builtIn: true, communityId: undefined }),
      rubric('mine'),
      rubric('elsewhere', { communityId: 'c0000000000000000000000b' }),
    ];
    expect(rubricChoices(list, view()).map((r) => r.id)).toEqual(['default', 'mine']);
    const current = rubric('theirs');
    expect(rubricChoices(list, view(), current).map((r) => r.id)).toEqual(['theirs', 'default', 'mine']);
    expect(rubricChoices(list, view(), rubric('mine')).map((r) => r.id)).toEqual(['default', 'mine']);
  });

  it('locks the rubric once the activity was scored', () => {
    expect(rubricLocked(view())).toBe(false);
    expect(rubricLocked(view({ evaluationCount: 1 }))).toBe(true);
  });
});
