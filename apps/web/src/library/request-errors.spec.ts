import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../api/api.error';
import { errorText, requestErrorInfo, resumable, uploadErrorInfo } from './request-errors';
import { translator } from './testing/translate';

function tusError(status: number, body: string): Error {
  return Object.assign(new Error(`tus: unexpected response, originated from request`), {
    originalResponse: { getStatus: () => status, getBody: () => body },
  });
}

describe('library request errors', () => {
  it('reads the server JSON of a refused upload', () => {
    const info = uploadErrorInfo(tusError(400, JSON.stringify({ code: 'BAD_REQUEST', message: 'grade must be 1-9' })));
    expect(info).toEqual({ code: 'BAD_REQUEST', message: 'grade must be 1-9', status: 400 });
    const { t, te } = translator('zh-CN');
    expect(errorText(info, t, te)).toBe('信息有误：grade must be 1-9');
    expect(resumable(info)).toBe(false);
  });

  it('maps bare statuses (413 without JSON) to codes', () => {
    const info = uploadErrorInfo(tusError(413, 'Maximum size exceeded\n'));
    expect(info).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: 'Maximum size exceeded\n', status: 413 });
    const { t, te } = translator('en');
    expect(errorText(info, t, te)).toContain('too large');
    expect(uploadErrorInfo(tusError(403, '')).code).toBe('FORBIDDEN');
    expect(uploadErrorInfo(tusError(418, '')).code).toBe('INTERNAL');
  });

  it('treats no answer as a network drop the upload can resume from', () => {
    const info = uploadErrorInfo(new Error('tus: failed to upload chunk at offset 8388608'));
    expect(info.code).toBe('NETWORK');
    expect(info.status).toBe(0);
    expect(resumable(info)).toBe(true);
    expect(resumable({ code: 'INTERNAL', message: '', status: 503 })).toBe(true);
    expect(resumable({ code: 'UNAUTHENTICATED', message: '', status: 401 })).toBe(true);
    const { t, te } = translator('zh-CN');
    expect(errorText(info, t, te)).toContain('继续上传');
  });

  it('words API errors by code, falling back to the server message', () => {
    const { t, te } = translator('zh-CN');
    expect(errorText(requestErrorInfo(new ApiError('NOT_READY', 'still processing', 409)), t, te)).toBe(
      '视频还在处理中，请稍后再试。',
    );
    expect(errorText(requestErrorInfo(new ApiError('WEIRD', 'odd', 418)), t, te)).toBe('操作失败：odd');
    expect(requestErrorInfo(new Error('boom'))).toEqual({ code: 'INTERNAL', message: 'boom', status: 0 });
  });
});
