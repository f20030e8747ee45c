import { describe, expect, it } from '@jest/globals';
import type { ResourceView } from '@tongke/contracts';
import { uploadMetadataSchema } from '@tongke/contracts/library/resource';
import { LIBRARY_LIMITS } from '@tongke/contracts/library/resource-values';
import {
  emptyForm,
  fileNameProblem,
  fileProblems,
  formFromResource,
  metadataProblems,
  parseTags,
  updateRequest,
  uploadMetadata,
  uploadProblems,
  type UploadForm,
} from './resource-form';

const valid = (patch: Partial<UploadForm> = {}): UploadForm => ({
  ...emptyForm(),
  title: '四年级音乐《草原放牧》',
  subject: 'music',
  grade: 4,
  ...patch,
});
const video = { name: 'lesson.mp4', size: 1_000_000, type: 'video/mp4' };
const keys = (form: UploadForm) => metadataProblems(form).map((p) => `${p.field}:${p.key}`);

describe('upload form', () => {
  it('accepts a complete form and sends what the server schema accepts', () => {
    const form = valid({ tags: '名师微课，合唱, 合唱 ,', chapter: ' 第三单元 ', seriesId: '0123456789abcdef01234567' });
    expect(uploadProblems(form, video)).toEqual([]);
    const meta = uploadMetadata(form, video);
    expect(meta).toEqual({
      filename: 'lesson.mp4',
      filetype: 'video/mp4',
      title: '四年级音乐《草原放牧》',
      subject: 'music',
      grade: '4',
      visibility: 'community',
      chapter: '第三单元',
      tags: '名师微课,合唱',
      seriesId: '0123456789abcdef01234567',
    });
    const parsed = uploadMetadataSchema.parse(meta);
    expect(parsed.tags).toEqual(['名师微课', '合唱']);
    expect(parsed.grade).toBe(4);
    expect(parsed.description).toBe('');
    expect(Object.values(meta)).not.toContain('');
    expect(uploadMetadata(valid({ description: ' 简介 ' }), video).description).toBe('简介');
  });

  it('requires a title, a subject and a grade', () => {
    expect(keys(valid({ title: '   ', subject: '', grade: '' }))).toEqual([
      'title:titleRequired',
      'subject:subject',
      'grade:grade',
    ]);
  });

  it('mirrors the contract limits', () => {
    const L = LIBRARY_LIMITS;
    expect(keys(valid({ title: 'x'.repeat(L.titleMax) }))).toEqual([]);
    expect(keys(valid({ title: 'x'.repeat(L.titleMax + 1) }))).toEqual(['title:tooLong']);
    expect(keys(valid({ description: 'x'.repeat(L.descriptionMax + 1) }))).toEqual(['description:tooLong']);
    expect(keys(valid({ textbookEdition: 'x'.repeat(L.textbookEditionMax + 1) }))).toEqual(['textbookEdition:tooLong']);
    expect(keys(valid({ chapter: 'x'.repeat(L.chapterMax + 1) }))).toEqual(['chapter:tooLong']);
    const many = Array.from({ length: L.tagsMax + 1 }, (_, i) => `t${i}`).join(',');
    expect(keys(valid({ tags: many }))).toEqual(['tags:tooManyTags']);
    expect(keys(valid({ tags: `ok,${'长'.repeat(L.tagMax + 1)}` }))).toEqual(['tags:tagTooLong']);
    expect(keys(valid({ tags: ','.repeat(L.tagsMax * (L.tagMax + 1) + 1) }))).toEqual(['tags:tooManyTags']);
  });

  it('agrees with the server schema on the metadata it sends', () => {
    const cases: Partial<UploadForm>[] = [
      {},
      { title: 'x'.repeat(LIBRARY_LIMITS.titleMax + 1) },
      { tags: Array.from({ length: 21 }, (_, i) => `t${i}`).join('，') },
      { tags: 'y'.repeat(31) },
      { chapter: 'c'.repeat(101) },
      { grade: 9, visibility: 'public' },
    ];
    for (const patch of cases) {
      const form = valid(patch);
      const clientOk = uploadProblems(form, video).length === 0;
      expect([patch, uploadMetadataSchema.safeParse(uploadMetadata(form, video)).success]).toEqual([patch, clientOk]);
    }
  });

  it('refuses path-like, dotted and non-video file names like the server', () => {
    const cases: [string, string | undefined][] = [
      ['课堂实录.MP4', undefined],
      ['a.webm', undefined],
      ['../../etc/passwd.mp4', 'filePath'],
      ['C:\\fakepath\\a.mp4', 'filePath'],
      ['a..mp4', 'fileDots'],
      ['a\u0001.mp4', 'fileControl'],
      ['notes.pdf', 'fileExtension'],
      ['video', 'fileExtension'],
      [`${'a'.repeat(LIBRARY_LIMITS.filenameMax)}.mp4`, 'fileNameTooLong'],
      ['', 'fileMissing'],
    ];
    for (const [name, problem] of cases) {
      expect([name, fileNameProblem(name)]).toEqual([name, problem]);
      const meta = uploadMetadata(valid(), { ...video, name });
      expect([name, uploadMetadataSchema.safeParse(meta).success]).toEqual([name, problem === undefined]);
    }
  });

  it('checks the file itself: present, a video, not empty, within the announced limit', () => {
    expect(fileProblems(null)[0].key).toBe('fileMissing');
    expect(fileProblems({ name: 'a.mp4', size: 10, type: 'image/png' })[0].key).toBe('fileNotVideo');
    expect(fileProblems({ name: 'a.ts', size: 10, type: 'text/vnd.trolltech.linguist' })).toEqual([]);
    expect(fileProblems({ name: 'a.mkv', size: 10, type: '' })).toEqual([]);
    expect(fileProblems({ ...video, size: 0 })[0].key).toBe('fileEmpty');
    expect(fileProblems(video, 999_999)[0]).toEqual({
      field: 'file',
      key: 'fileTooLarge',
      values: { maxBytes: 999_999 },
    });
    expect(fileProblems(video, 1_000_000)).toEqual([]);
  });

  it('splits tags on both commas, trimmed and without repeats', () => {
    expect(parseTags(' 合唱，名师微课,合唱,, ')).toEqual(['合唱', '名师微课']);
    expect(parseTags('')).toEqual([]);
  });

  it('edits a resource: the form starts from it and the PATCH body is complete', () => {
    const r = {
      title: '数学',
      description: 'd',
      subject: 'math',
      grade: 3,
      chapter: '第一章',
      tags: ['a', 'b'],
      visibility: 'district',
    } as ResourceView;
    const form = formFromResource(r);
    expect(form).toMatchObject({ textbookEdition: '', chapter: '第一章', tags: 'a，b' });
    expect(updateRequest({ ...form, chapter: '' })).toEqual({
      title: '数学',
      description: 'd',
      subject: 'math',
      grade: 3,
      textbookEdition: '',
      chapter: '',
      tags: ['a', 'b'],
      visibility: 'district',
    });
  });
});
