import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { ErrorCode } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { isValidDate } from './local-time';

/** A route parameter that must be a real calendar date written YYYY-MM-DD; 400 otherwise. */
@Injectable()
export class ParseCalendarDatePipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (typeof value !== 'string' || !isValidDate(value)) {
      throw new AppError(ErrorCode.BAD_REQUEST, `${metadata.data ?? 'date'} must be a date written YYYY-MM-DD`);
    }
    return value;
  }
}
