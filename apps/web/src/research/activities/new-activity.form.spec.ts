import { describe, expect, it } from '@jest/globals';
import { type NewActivityForm, toCreateActivityRequest, toLocalInput } from './new-activity.form';

const form = (over: Partial<NewActivityForm> = {}): NewActivityForm => ({
  groupId: '74e9c0000000000000000abc',
  kind: 'lesson-study',
  title: ' 茉莉花 ',
  topic: ' 茉莉花 ',
  subject: 'music',
  grade: 4,
  teacherId: '',
  plannedAt: '2026-03-10T08:00',
  planId: '',
  rubricId: '',
  ...over,
});

describe(toCreateActivityRequest.name, () => {
  it('trims the text, converts the local time and leaves out empty choices', () => {
    expect(toCreateActivityRequest(form())).toEqual({
      groupId: '74e9c0000000000000000abc',
      kind: 'lesson-study',
      title: '茉莉花',
      topic: '茉莉花',
      subject: 'music',
      grade: 4,
      plannedAt: new Date('2026-03-10T08:00').toISOString(),
    });
    const chosen = toCreateActivityRequest(form({ teacherId: 't1', planId: 'p1' }));
    expect(chosen).toMatchObject({ teacherId: 't1', planId: 'p1' });
  });

  it('sends the chosen rubric of a lesson study, none for the built-in one or a meeting', () => {
    expect(toCreateActivityRequest(form({ rubricId: 'r1' }))).toMatchObject({ rubricId: 'r1' });
    expect(toCreateActivityRequest(form())).not.toHaveProperty('rubricId');
    expect(toCreateActivityRequest(form({ kind: 'meeting', rubricId: 'r1' }))).not.toHaveProperty('rubricId');
  });

  it('names the first problem', () => {
    expect(toCreateActivityRequest(form({ groupId: '' }))).toBe('group');
    expect(toCreateActivityRequest(form({ title: '  ' }))).toBe('title');
    expect(toCreateActivityRequest(form({ plannedAt: '' }))).toBe('plannedAt');
    expect(toCreateActivityRequest(form({ plannedAt: 'soon' }))).toBe('plannedAt');
  });

  it('formats dates for the datetime-local input', () => {
    expect(toLocalInput(new Date(2026, 2, 9, 7, 5))).toBe('2026-03-09T07:05');
  });
});
