import { ErrorCode, type LiveSessionKind, type LiveSessionStatus } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { localDate, localTime } from './local-dates';

/** The parts of a session its opening window looks at. */
export interface LessonTiming {
  kind: LiveSessionKind;
  status: LiveSessionStatus;
  plannedStart: Date;
  cancelReason?: string;
}

const JOINABLE: readonly LiveSessionStatus[] = ['scheduled', 'live'];

/**
 * When the lesson's room opens: a timetabled lesson `leadMin` minutes before its planned
 * start, an instant lesson at once (its planned start is its creation).
 */
export function opensAt(session: LessonTiming, leadMin: number): Date {
  if (session.kind !== 'scheduled') return session.plannedStart;
  return new Date(session.plannedStart.getTime() - leadMin * 60_000);
}

/** Whether the room is open now: opened, and neither ended, missed nor cancelled. */
export function isOpen(session: LessonTiming, now: Date, leadMin: number): boolean {
  return JOINABLE.includes(session.status) && now.getTime() >= opensAt(session, leadMin).getTime();
}

/**
 * Why a join must be refused now, or null: 410 LESSON_ENDED for an ended, missed or
 * cancelled lesson (with the reason), 409 LESSON_NOT_OPEN before a timetabled lesson's room
 * opens ("opens at HH:mm" in the community's zone, with the date when it isn't today).
 */
export function joinRefusal(session: LessonTiming, now: Date, leadMin: number, timeZone: string): AppError | null {
  switch (session.status) {
    case 'ended':
      return new AppError(ErrorCode.LESSON_ENDED, 'the lesson has ended');
    case 'cancelled':
      return new AppError(
        ErrorCode.LESSON_ENDED,
        `the lesson was cancelled${session.cancelReason ? `: ${session.cancelReason}` : ''}`,
      );
    case 'missed':
      return new AppError(ErrorCode.LESSON_ENDED, 'the lesson was missed: nobody joined it before it ended');
  }
  const opens = opensAt(session, leadMin);
  if (now.getTime() >= opens.getTime()) return null;
  const day = localDate(opens, timeZone);
  const onDay = day === localDate(now, timeZone) ? '' : ` on ${day}`;
  return new AppError(ErrorCode.LESSON_NOT_OPEN, `the lesson opens at ${localTime(opens, timeZone)}${onDay}`);
}
