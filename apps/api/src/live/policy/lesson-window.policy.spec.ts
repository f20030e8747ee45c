import { ErrorCode } from '@tongke/contracts';
import { isOpen, joinRefusal, type LessonTiming, opensAt } from './lesson-window.policy';

// 2026-09-08 10:00 in Shanghai (UTC+8).
const START = new Date('2026-09-08T02:00:00Z');
const min = (m: number) => new Date(START.getTime() + m * 60_000);
const ZONE = 'Asia/Shanghai';
const timetabled = (over: Partial<LessonTiming> = {}): LessonTiming => ({
  kind: 'scheduled',
  status: 'scheduled',
  plannedStart: START,
  ...over,
});

describe('lesson window', () => {
  describe(opensAt.name, () => {
    it('opens a timetabled lesson the lead minutes before its start, an instant one at its start', () => {
      expect(opensAt(timetabled(), 10)).toEqual(min(-10));
      expect(opensAt(timetabled(), 0)).toEqual(START);
      expect(opensAt(timetabled({ kind: 'instant' }), 10)).toEqual(START);
    });
  });

  describe(isOpen.name, () => {
    it('is open from the opening while scheduled or live', () => {
      expect(isOpen(timetabled(), min(-11), 10)).toBe(false);
      expect(isOpen(timetabled(), min(-10), 10)).toBe(true);
      expect(isOpen(timetabled({ status: 'live' }), min(50), 10)).toBe(true);
      expect(isOpen(timetabled({ kind: 'instant' }), START, 10)).toBe(true);
    });

    it('is closed once ended, missed or cancelled', () => {
      for (const status of ['ended', 'missed', 'cancelled'] as const) {
        expect(isOpen(timetabled({ status }), min(5), 10)).toBe(false);
      }
    });
  });

  describe(joinRefusal.name, () => {
    it('lets joins through once the room is open', () => {
      expect(joinRefusal(timetabled(), min(-10), 10, ZONE)).toBeNull();
      expect(joinRefusal(timetabled({ status: 'live' }), min(30), 10, ZONE)).toBeNull();
      expect(joinRefusal(timetabled({ kind: 'instant' }), START, 10, ZONE)).toBeNull();
    });

    it('refuses a timetabled lesson before it opens, naming the local opening time', () => {
      const refusal = joinRefusal(timetabled(), min(-30), 10, ZONE);
      expect(refusal).toMatchObject({ code: ErrorCode.LESSON_NOT_OPEN, message: 'the lesson opens at 09:50' });
      expect(joinRefusal(timetabled(), min(-30), 10, 'Europe/Berlin')?.message).toBe('the lesson opens at 03:50');
    });

    it('names the date too when the lesson opens on another day', () => {
      expect(joinRefusal(timetabled(), min(-24 * 60), 10, ZONE)?.message).toBe(
        'the lesson opens at 09:50 on 2026-09-08',
      );
    });

    it('refuses ended, cancelled and missed lessons with LESSON_ENDED and the reason', () => {
      expect(joinRefusal(timetabled({ status: 'ended' }), min(60), 10, ZONE)).toMatchObject({
        code: ErrorCode.LESSON_ENDED,
        message: 'the lesson has ended',
      });
      expect(
        joinRefusal(timetabled({ status: 'cancelled', cancelReason: '国庆节' }), min(-60), 10, ZONE),
      ).toMatchObject({ code: ErrorCode.LESSON_ENDED, message: 'the lesson was cancelled: 国庆节' });
      expect(joinRefusal(timetabled({ status: 'cancelled' }), min(0), 10, ZONE)?.message).toBe(
        'the lesson was cancelled',
      );
      expect(joinRefusal(timetabled({ status: 'missed' }), min(60), 10, ZONE)).toMatchObject({
        code: ErrorCode.LESSON_ENDED,
        message: 'the lesson was missed: nobody joined it before it ended',
      });
    });
  });
});
