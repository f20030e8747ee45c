import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../api/api.error';
import { requestError } from './request-error';

const messages: Record<string, string> = {
  'apiErrors.FORBIDDEN': '你没有权限进行此操作。',
  'apiErrors.unknown': '操作失败：{message}',
};
const t = (key: string, values: Record<string, unknown> = {}) =>
  (messages[key] ?? key).replace(/\{(\w+)\}/g, (_, n: string) => String(values[n]));
const te = (key: string) => key in messages;

describe(requestError.name, () => {
  it('shows the server’s message for invalid input, duplicates and unknown ids', () => {
    expect(requestError(new ApiError('CONFLICT', 'a term named 秋季 already exists', 409), t, te)).toBe(
      'a term named 秋季 already exists',
    );
    expect(requestError(new ApiError('BAD_REQUEST', 'endsOn must be after startsOn', 400), t, te)).toBe(
      'endsOn must be after startsOn',
    );
  });

  it('translates other codes and wraps unknown failures', () => {
    expect(requestError(new ApiError('FORBIDDEN', 'not your school', 403), t, te)).toBe('你没有权限进行此操作。');
    expect(requestError(new Error('boom'), t, te)).toBe('操作失败：boom');
  });
});
