import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../api/api.error';
import { importErrorText } from './import-errors';

const messages: Record<string, string> = {
  'bulkImport.errors.BAD_FILE': '无法读取该文件',
  'bulkImport.errors.ABORTED': '上传已取消。',
  'apiErrors.FORBIDDEN': '你没有权限进行此操作。',
  'apiErrors.unknown': '操作失败：{message}',
};
const t = (key: string, values?: Record<string, unknown>) =>
  (messages[key] ?? key).replace(/\{(\w+)\}/g, (_, k: string) => String(values?.[k]));
const te = (key: string) => key in messages;

describe(importErrorText.name, () => {
  it("adds the server's reason to a BAD_FILE summary", () => {
    const err = new ApiError('BAD_FILE', 'missing required column(s): 学段', 400);
    expect(importErrorText(err, t, te)).toBe('无法读取该文件：missing required column(s): 学段');
  });

  it('uses the app-wide text for other codes, and the message for unknown ones', () => {
    expect(importErrorText(new ApiError('FORBIDDEN', 'this needs one of the roles', 403), t, te)).toBe(
      '你没有权限进行此操作。',
    );
    expect(importErrorText(new ApiError('ABORTED', 'cancelled', 0), t, te)).toBe('上传已取消。');
    expect(importErrorText(new ApiError('WEIRD', 'boom', 500), t, te)).toBe('操作失败：boom');
    expect(importErrorText(new Error('offline'), t, te)).toBe('操作失败：offline');
  });
});
