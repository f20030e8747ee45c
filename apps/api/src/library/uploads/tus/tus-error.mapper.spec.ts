import { ErrorCode } from '@tongke/contracts';
import { asErrorBody, formatBytes, tusErrorBody, tusErrorStatus } from './tus-error.mapper';

const GB4 = 4 * 1024 ** 3;

describe(tusErrorBody.name, () => {
  it("rewords tus's own errors and gives them the API's codes", () => {
    expect(tusErrorBody(413, 'Maximum size exceeded\n', GB4)).toEqual({
      code: ErrorCode.PAYLOAD_TOO_LARGE,
      message: 'the video is larger than the upload limit of 4 GB',
    });
    expect(tusErrorBody(409, 'Upload-Offset conflict\n', GB4).code).toBe(ErrorCode.CONFLICT);
    expect(tusErrorBody(410, 'The file for this url no longer exists\n', GB4)).toEqual({
      code: ErrorCode.NOT_FOUND,
      message: 'this upload has expired or was removed; start it again',
    });
    expect(tusErrorBody(412, 'Tus-Resumable Required\n', GB4)).toEqual({
      code: ErrorCode.BAD_REQUEST,
      message: 'Tus-Resumable: 1.0.0 is required (a tus 1.0 client)',
    });
  });

  it('says what Upload-Metadata must look like, whichever check of tus refused it', () => {
    const header = tusErrorBody(400, 'Invalid upload-metadata\n', GB4);
    const parse = tusErrorBody(400, 'Upload-Metadata is invalid. It MUST consist of one or more ...', GB4);
    expect(header).toEqual(parse);
    expect(header.message).toMatch(
      /^Upload-Metadata is invalid: it must be comma-separated `key base64\(value\)` pairs/,
    );
  });

  it('keeps other texts as the message, with a code from the status', () => {
    expect(tusErrorBody(400, 'Invalid upload-offset\n', GB4)).toEqual({
      code: ErrorCode.BAD_REQUEST,
      message: 'Invalid upload-offset',
    });
    expect(tusErrorBody(415, '', GB4)).toEqual({
      code: ErrorCode.BAD_REQUEST,
      message: 'the upload request failed (415)',
    });
    expect(tusErrorBody(500, 'Something went wrong receiving the file\n', GB4).code).toBe(ErrorCode.INTERNAL);
  });
});

describe(tusErrorStatus.name, () => {
  it("answers tus's 403 for a missing header as a bad request, and keeps other statuses", () => {
    expect(tusErrorStatus(403)).toBe(400);
    expect(tusErrorStatus(409)).toBe(409);
    expect(tusErrorStatus(413)).toBe(413);
  });
});

describe(asErrorBody.name, () => {
  it('recognises an API error body and nothing else', () => {
    expect(asErrorBody('{"code":"BAD_FILE","message":"the file has no video stream"}')).toEqual({
      code: 'BAD_FILE',
      message: 'the file has no video stream',
    });
    expect(asErrorBody('{"code":1}')).toBeNull();
    expect(asErrorBody('{broken')).toBeNull();
    expect(asErrorBody('Not found\n')).toBeNull();
  });
});

describe(formatBytes.name, () => {
  it('says sizes as people read them', () => {
    expect(formatBytes(GB4)).toBe('4 GB');
    expect(formatBytes(1536 * 1024)).toBe('1.5 MB');
    expect(formatBytes(100)).toBe('100 bytes');
  });
});
