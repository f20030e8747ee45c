import { INSIGHT_LIMITS } from '@tongke/contracts';
import { registerDecorator, type ValidationArguments } from 'class-validator';
import { DateTime } from 'luxon';
import { isCalendarDate } from '../../../org/shared/calendar-date';

/** Days from `from` to `to`, both included (negative when `to` is before `from`). */
export function rangeDays(from: string, to: string): number {
  const days = DateTime.fromISO(to, { zone: 'utc' }).diff(DateTime.fromISO(from, { zone: 'utc' }), 'days').days;
  return Math.round(days) + 1;
}

/** Why the range [from, to] is refused, or null when it is fine (both real dates, to ≥ from, span in limits). */
export function rangeProblem(from: unknown, to: unknown): string | null {
  if (!isCalendarDate(from) || !isCalendarDate(to)) return null; // each field's own check reports it
  const days = rangeDays(from, to);
  if (days < 1) return `to (${to}) must not be before from (${from})`;
  if (days > INSIGHT_LIMITS.maxRangeDays) {
    return `the range may span at most ${INSIGHT_LIMITS.maxRangeDays} days (${from} to ${to} is ${days})`;
  }
  return null;
}

/** On `to`: the range from the object's `from` to it is valid (see rangeProblem). */
export function IsInsightRangeEnd(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isInsightRangeEnd',
      target: target.constructor,
      propertyName: propertyName.toString(),
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          rangeProblem((args.object as { from?: unknown }).from, value) === null,
        defaultMessage: (args?: ValidationArguments) =>
          rangeProblem((args?.object as { from?: unknown } | undefined)?.from, args?.value) ?? 'bad range',
      },
    });
}
