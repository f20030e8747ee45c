import { ErrorCode } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { conflictOnDuplicate, isDuplicateKeyError } from './duplicate-key';

describe('conflictOnDuplicate', () => {
  it('recognises MongoDB E11000 and FerretDB/SQLite unique failures, nothing else', () => {
    expect(isDuplicateKeyError({ code: 11000, message: 'E11000 duplicate key' })).toBe(true);
    expect(isDuplicateKeyError({ code: 1, message: "UNIQUE constraint failed: index 'schools_x' (2067)" })).toBe(true);
    expect(isDuplicateKeyError({ code: 1, message: 'disk full' })).toBe(false);
    expect(isDuplicateKeyError(new Error('E11000'))).toBe(false);
    expect(isDuplicateKeyError(null)).toBe(false);
  });

  it('turns a duplicate into 409 with the message and passes other failures through', async () => {
    const dup = conflictOnDuplicate(Promise.reject(Object.assign(new Error('dup'), { code: 11000 })), 'taken');
    await expect(dup).rejects.toEqual(new AppError(ErrorCode.CONFLICT, 'taken'));
    const boom = new Error('boom');
    await expect(conflictOnDuplicate(Promise.reject(boom), 'taken')).rejects.toBe(boom);
    await expect(conflictOnDuplicate(Promise.resolve(7), 'taken')).resolves.toBe(7);
  });
});
