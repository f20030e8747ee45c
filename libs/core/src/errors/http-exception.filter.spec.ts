import { BadRequestException, NotFoundException } from '@nestjs/common';
import { ErrorCode } from '@tongke/contracts';
import { AppError } from './app.error';
import { HttpExceptionFilter } from './http-exception.filter';

describe(HttpExceptionFilter.name, () => {
  const filter = new HttpExceptionFilter();

  it('answers an AppError with the status of its code', () => {
    expect(filter.toResponse(new AppError(ErrorCode.FORBIDDEN, 'not your classroom'))).toEqual({
      status: 403,
      body: { code: 'FORBIDDEN', message: 'not your classroom' },
    });
  });

  it('joins validation messages and maps Nest exceptions to codes', () => {
    const ex = new BadRequestException(['name should not be empty', 'seats must be a number']);
    expect(filter.toResponse(ex)).toEqual({
      status: 400,
      body: { code: 'BAD_REQUEST', message: 'name should not be empty; seats must be a number' },
    });
    expect(filter.toResponse(new NotFoundException('Cannot GET /api/x')).body.code).toBe(ErrorCode.NOT_FOUND);
  });

  it('hides unknown errors behind INTERNAL with an id', () => {
    jest.spyOn(filter['logger'], 'error').mockImplementation(() => undefined);
    const { status, body } = filter.toResponse(new Error('secret connection string mongodb://u:p@h'));
    expect(status).toBe(500);
    expect(body.code).toBe(ErrorCode.INTERNAL);
    expect(body.message).toMatch(/^Internal error \(id [0-9a-f-]{36}\)$/);
    expect(body.message).not.toContain('mongodb');
  });
});
