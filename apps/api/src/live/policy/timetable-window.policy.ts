import { ErrorCode, SCHEDULE_LIMITS, type TimetableQuery } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { daysInclusive, type InstantRange, localDaysRange } from './local-dates';

/**
 * The instants a week-view query covers (its local days `from`..`to` in the community's
 * zone), after the checks its fields can't make alone: `from` ≤ `to`, at most
 * SCHEDULE_LIMITS.timetableRangeMaxDays days, at most one of teacherId / classroomId / schoolId.
 * Dates are already valid calendar dates (the DTO checks them).
 */
export function timetableWindow(query: TimetableQuery, zone: string): InstantRange {
  const days = daysInclusive(query.from, query.to);
  if (days < 1) throw new AppError(ErrorCode.BAD_REQUEST, `from (${query.from}) must not be after to (${query.to})`);
  if (days > SCHEDULE_LIMITS.timetableRangeMaxDays) {
    throw new AppError(
      ErrorCode.BAD_REQUEST,
      `the range may span at most ${SCHEDULE_LIMITS.timetableRangeMaxDays} days (asked: ${days})`,
    );
  }
  const filters = (['teacherId', 'classroomId', 'schoolId'] as const).filter((k) => query[k] !== undefined);
  if (filters.length > 1) {
    throw new AppError(
      ErrorCode.BAD_REQUEST,
      `give at most one of teacherId, classroomId, schoolId (got ${filters.join(', ')})`,
    );
  }
  return localDaysRange(query.from, query.to, zone);
}
