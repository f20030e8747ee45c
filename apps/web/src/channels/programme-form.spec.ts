import { describe, expect, it } from '@jest/globals';
import {
  emptyProgrammeForm,
  occurrenceCount,
  type ProgrammeForm,
  programmeProblems,
  programmeRequest,
} from './programme-form';

const lesson = { id: '74e9c0000000000000000abc', title: '四年级音乐《草原放牧》', durationS: 2400 };
const form = (patch: Partial<ProgrammeForm> = {}): ProgrammeForm => ({
  ...emptyProgrammeForm('2026-03-02'),
  resource: lesson,
  ...patch,
});

describe('programme form', () => {
  it('starts at 19:00 with weekday evenings offered for four weeks', () => {
    expect(emptyProgrammeForm('2026-03-02')).toEqual({
      resource: null,
      date: '2026-03-02',
      time: '19:00',
      repeat: false,
      weekdays: [1, 2, 3, 4, 5],
      weeks: 4,
    });
  });

  it('builds the request in the channel zone, with the repeat only when asked', () => {
    expect(programmeRequest(form(), 'Asia/Shanghai')).toEqual({
      resourceId: lesson.id,
      startsAt: '2026-03-02T11:00:00.000Z',
    });
    expect(programmeRequest(form({ repeat: true, weekdays: [5, 1, 1], weeks: 2 }), 'Asia/Shanghai')).toEqual({
      resourceId: lesson.id,
      startsAt: '2026-03-02T11:00:00.000Z',
      repeat: { weekdays: [1, 5], weeks: 2 },
    });
  });

  it('counts the entries the server will make', () => {
    expect(occurrenceCount(form())).toBe(1);
    expect(occurrenceCount(form({ repeat: true, weekdays: [1, 2, 3, 4, 5], weeks: 2 }))).toBe(10);
    // A Monday start with a weekend repeat: the Monday itself, then each weekend day twice.
    expect(occurrenceCount(form({ repeat: true, weekdays: [6, 7], weeks: 2 }))).toBe(5);
  });

  it('names every problem', () => {
    expect(programmeProblems(form())).toEqual([]);
    expect(programmeProblems(form({ resource: null, date: '2026-13-01', time: '25:00' }))).toEqual([
      'resource',
      'date',
      'time',
    ]);
    expect(programmeProblems(form({ repeat: true, weekdays: [], weeks: 27 }))).toEqual(['weekdays', 'weeks']);
    expect(programmeProblems(form({ repeat: true, weeks: 0 }))).toEqual(['weeks']);
    expect(programmeProblems(form({ repeat: true, weekdays: [1, 2, 3, 4, 5, 6, 7], weeks: 26 }))).toEqual([]);
  });
});
