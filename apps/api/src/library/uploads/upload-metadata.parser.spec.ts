import { ErrorCode } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { parseUploadMetadata, type RawUploadMetadata } from './upload-metadata.parser';

const valid: RawUploadMetadata = {
  filename: '草原放牧.mp4',
  filetype: 'video/mp4',
  title: '四年级音乐《草原放牧》',
  subject: 'music',
  grade: '4',
  tags: '音乐, 欣赏，民歌,音乐',
};

function refusal(raw: RawUploadMetadata, reserved: string[] = []): string {
  try {
    parseUploadMetadata(raw, reserved);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe(ErrorCode.BAD_REQUEST);
    return (err as AppError).message;
  }
  throw new Error('expected the metadata to be refused');
}

describe(parseUploadMetadata.name, () => {
  it('reads valid metadata: grade as a number, tags split on either comma, trimmed and deduplicated, defaults', () => {
    expect(parseUploadMetadata(valid)).toEqual({
      filename: '草原放牧.mp4',
      filetype: 'video/mp4',
      title: '四年级音乐《草原放牧》',
      description: '',
      subject: 'music',
      grade: 4,
      tags: ['音乐', '欣赏', '民歌'],
      visibility: 'community',
    });
  });

  it('treats keys sent without a value, or with an empty one, as not sent', () => {
    const parsed = parseUploadMetadata({ ...valid, chapter: '', textbookEdition: null, description: null });
    expect(parsed).not.toHaveProperty('chapter');
    expect(parsed).not.toHaveProperty('textbookEdition');
    expect(parsed.description).toBe('');
  });

  it('names missing required keys', () => {
    expect(refusal({ filename: 'a.mp4' })).toBe('title is required; subject is required; grade is required');
    expect(refusal({ ...valid, title: '   ' })).toBe('title is required');
  });

  it.each([
    ['../../x.mp4', 'a path'],
    ['a/b.mp4', 'a slash'],
    ['a\\b.mp4', 'a backslash'],
    ['..mp4', 'dots'],
    ['notes.txt', 'no video extension'],
    ['line\nbreak.mp4', 'a control character'],
  ])('refuses the file name %j (%s)', (filename) => {
    expect(refusal({ ...valid, filename })).toBe('filename must be a plain video file name (.mp4, .webm, .mov, ...)');
  });

  it('refuses an unknown subject and grade, naming the key', () => {
    expect(refusal({ ...valid, subject: 'alchemy' })).toMatch(/^subject: Invalid option/);
    expect(refusal({ ...valid, grade: '12' })).toBe('grade must be 1-9');
    expect(refusal({ ...valid, grade: 'four' })).toMatch(/^grade: /);
  });

  it('refuses too-long texts and too many tags', () => {
    expect(refusal({ ...valid, title: 'x'.repeat(10_000) })).toMatch(/^title: Too big/);
    expect(refusal({ ...valid, description: 'x'.repeat(4001) })).toMatch(/^description: Too big/);
    const many = Array.from({ length: 21 }, (_, i) => `t${i}`).join(',');
    expect(refusal({ ...valid, tags: many })).toBe('tags: at most 20 tags');
    const hundreds = Array.from({ length: 500 }, (_, i) => `标签${i}`).join(',');
    expect(refusal({ ...valid, tags: hundreds })).toBe('tags: at most 20 tags of at most 30 characters');
    expect(refusal({ ...valid, tags: 'x'.repeat(31) })).toMatch(/^tags\.0: Too big/);
  });

  it('refuses unknown keys, listing the accepted ones', () => {
    expect(refusal({ ...valid, path: '/etc', owner: 'me' })).toMatch(
      /^unknown Upload-Metadata key\(s\): path, owner \(accepted: title, description, subject, grade, /,
    );
  });

  it("leaves the server's reserved keys out (and refuses them from clients)", () => {
    const stored = { ...valid, 'tongke-owner': '{"userId":"x"}' };
    expect(parseUploadMetadata(stored, ['tongke-owner']).title).toBe(valid.title);
    expect(refusal(stored)).toMatch(/^unknown Upload-Metadata key\(s\): tongke-owner /);
  });

  it('checks series and community ids', () => {
    expect(refusal({ ...valid, seriesId: 'abc' })).toBe('seriesId must be an id');
    expect(refusal({ ...valid, communityId: '../x' })).toBe('communityId must be an id');
    const id = '74e9c0000000000000000001';
    expect(parseUploadMetadata({ ...valid, seriesId: id, communityId: id })).toMatchObject({
      seriesId: id,
      communityId: id,
    });
  });
});
