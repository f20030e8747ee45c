import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { ErrorCode } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { Types } from 'mongoose';

/** A route parameter that must be an ObjectId (24 hex digits); 400 otherwise. */
@Injectable()
export class ParseObjectIdPipe implements PipeTransform<string, Types.ObjectId> {
  transform(value: string, metadata: ArgumentMetadata): Types.ObjectId {
    if (typeof value !== 'string' || !/^[0-9a-fA-F]{24}$/.test(value)) {
      throw new AppError(ErrorCode.BAD_REQUEST, `${metadata.data ?? 'id'} must be a 24-digit hex id`);
    }
    return new Types.ObjectId(value);
  }
}
