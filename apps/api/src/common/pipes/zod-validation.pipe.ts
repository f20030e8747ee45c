import { Injectable, type PipeTransform } from '@nestjs/common';
import { ErrorCode } from '@tongke/contracts';
import { AppError, zodMessage } from '@tongke/core';
import type { z } from 'zod';

/** Validates a body with a zod schema from @tongke/contracts; 400 naming each problem. */
@Injectable()
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.output<S> {
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    throw new AppError(ErrorCode.BAD_REQUEST, zodMessage(result.error, 'body'));
  }
}
