import { Transform } from 'class-transformer';
import { registerDecorator, ValidateIf, type ValidationOptions } from 'class-validator';
import { isCalendarDate } from './calendar-date';

/** An optional field: skipped when absent, but `null` is validated (and so refused by type checks). */
export function Optional(): PropertyDecorator {
  return ValidateIf((_obj: object, value: unknown) => value !== undefined);
}

/** A PATCH field that `null` clears: skipped when absent or null, validated otherwise. */
export function Clearable(): PropertyDecorator {
  return ValidateIf((_obj: object, value: unknown) => value !== undefined && value !== null);
}

/** Trims string input (other types pass through to the type validators). */
export function Trim(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
}

/** A real calendar date written YYYY-MM-DD. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName.toString(),
      options: { message: `${propertyName.toString()} must be a date written YYYY-MM-DD`, ...options },
      validator: { validate: (value: unknown) => isCalendarDate(value) },
    });
}
