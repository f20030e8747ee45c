import { ErrorCode } from '@tongke/contracts';
import { timetableWindow } from './timetable-window.policy';

const ZONE = 'Asia/Shanghai';

describe(timetableWindow.name, () => {
  it('answers the instants of the local days', () => {
    expect(timetableWindow({ from: '2026-09-07', to: '2026-09-13' }, ZONE)).toEqual({
      start: new Date('2026-09-06T16:00:00Z'),
      end: new Date('2026-09-13T16:00:00Z'),
    });
    expect(timetableWindow({ from: '2026-09-07', to: '2026-10-18', teacherId: 'x' }, ZONE).end).toEqual(
      new Date('2026-10-18T16:00:00Z'),
    );
  });

  it('refuses from after to', () => {
    expect(() => timetableWindow({ from: '2026-09-08', to: '2026-09-07' }, ZONE)).toThrow(
      expect.objectContaining({
        code: ErrorCode.BAD_REQUEST,
        message: 'from (2026-09-08) must not be after to (2026-09-07)',
      }),
    );
  });

  it('refuses ranges longer than the limit', () => {
    expect(() => timetableWindow({ from: '2026-09-07', to: '2026-10-19' }, ZONE)).toThrow(
      'the range may span at most 42 days (asked: 43)',
    );
  });

  it('refuses more than one of teacher, classroom and school', () => {
    expect(() =>
      timetableWindow({ from: '2026-09-07', to: '2026-09-13', teacherId: 'a', schoolId: 'b' }, ZONE),
    ).toThrow('give at most one of teacherId, classroomId, schoolId (got teacherId, schoolId)');
  });
});
