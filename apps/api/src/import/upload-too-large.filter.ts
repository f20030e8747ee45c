import { type ArgumentsHost, Catch, type ExceptionFilter, PayloadTooLargeException } from '@nestjs/common';
import { ErrorCode, IMPORT_LIMITS } from '@tongke/contracts';
import { AppError, HttpExceptionFilter } from '@tongke/core';

/** multer's size limit (413) answered as the import's BAD_FILE (400), like every other unreadable file. */
@Catch(PayloadTooLargeException)
export class UploadTooLargeFilter implements ExceptionFilter {
  private readonly errors = new HttpExceptionFilter();

  catch(_exception: PayloadTooLargeException, host: ArgumentsHost): void {
    const mb = IMPORT_LIMITS.maxBytes / 1024 / 1024;
    this.errors.catch(new AppError(ErrorCode.BAD_FILE, `the file is larger than ${mb} MB`), host);
  }
}
