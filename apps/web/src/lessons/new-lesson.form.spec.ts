import { describe, expect, it } from '@jest/globals';
import { type NewLessonForm, toCreateRequest } from './new-lesson.form';

const form = (over: Partial<NewLessonForm> = {}): NewLessonForm => ({
  title: ' 音乐：《茉莉花》 ',
  subject: 'music',
  grade: 4,
  classroomIds: ['74e9c00000000000000000c9'],
  durationMin: 40,
  record: true,
  broadcast: false,
  ...over,
});

describe(toCreateRequest.name, () => {
  it('builds the request with a trimmed title', () => {
    expect(toCreateRequest(form())).toEqual({
      title: '音乐：《茉莉花》',
      subject: 'music',
      grade: 4,
      classroomIds: ['74e9c00000000000000000c9'],
      durationMin: 40,
      record: true,
      broadcast: false,
    });
  });

  it('passes the record and broadcast choices on', () => {
    expect(toCreateRequest(form({ record: false, broadcast: true }))).toMatchObject({ record: false, broadcast: true });
  });

  it('names the first problem', () => {
    expect(toCreateRequest(form({ title: '   ' }))).toBe('title');
    expect(toCreateRequest(form({ title: 'x'.repeat(101) }))).toBe('title');
    expect(toCreateRequest(form({ classroomIds: [] }))).toBe('classrooms');
    expect(toCreateRequest(form({ durationMin: 4 }))).toBe('duration');
    expect(toCreateRequest(form({ durationMin: 40.5 }))).toBe('duration');
    expect(toCreateRequest(form({ durationMin: Number.NaN }))).toBe('duration');
  });
});
