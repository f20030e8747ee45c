import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../api/api.error';
import { describeAdminError, fieldOfMessage } from './admin-errors';

const messages: Record<string, string> = {
  'admin.errors.BAD_REQUEST': '填写的内容有误',
  'admin.errors.CONFLICT': '与已有数据冲突',
  'admin.errors.FORBIDDEN': '你没有权限进行此操作。',
  'apiErrors.LESSON_ENDED': '这节课已经结束。',
  'admin.errors.withDetail': '{summary}：{detail}',
  'admin.errors.unknown': '操作失败：{message}',
};
const t = (key: string, values: Record<string, unknown> = {}) =>
  (messages[key] ?? key).replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]));
const te = (key: string) => key in messages;

describe(describeAdminError.name, () => {
  it('shows the translated code with the server’s detail for conflicts', () => {
    const err = new ApiError('CONFLICT', 'a school named 李家坝小学 already exists', 409);
    expect(describeAdminError(err, t, te)).toEqual({
      text: '与已有数据冲突：a school named 李家坝小学 already exists',
    });
  });

  it('names the field of a validation message', () => {
    const err = new ApiError('BAD_REQUEST', 'name must be shorter than or equal to 64 characters', 400);
    expect(describeAdminError(err, t, te, ['name', 'address'])).toEqual({
      text: '填写的内容有误：name must be shorter than or equal to 64 characters',
      field: 'name',
    });
  });

  it('uses only the translation for codes without useful detail, and the app-wide texts as fallback', () => {
    expect(describeAdminError(new ApiError('FORBIDDEN', 'not your school', 403), t, te).text).toBe(
      '你没有权限进行此操作。',
    );
    expect(describeAdminError(new ApiError('LESSON_ENDED', 'x', 410), t, te).text).toBe('这节课已经结束。');
  });

  it('keeps the server’s message for unknown codes and non-API errors', () => {
    expect(describeAdminError(new ApiError('WEIRD', 'odd thing', 418), t, te).text).toBe('操作失败：odd thing');
    expect(describeAdminError(new Error('boom'), t, te).text).toBe('操作失败：boom');
  });
});

describe(fieldOfMessage.name, () => {
  it('finds the leading field name among the form’s fields', () => {
    expect(fieldOfMessage('until must be a valid ISO 8601 date string', ['since', 'until'])).toBe('until');
    expect(fieldOfMessage('property foo should not exist', ['since', 'until'])).toBeUndefined();
    expect(fieldOfMessage('periods.2.startsAt must match', ['periods'])).toBe('periods');
    expect(fieldOfMessage('', ['name'])).toBeUndefined();
  });
});
