import { ErrorCode } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { matchHeaders, normalizeHeader } from './import-header.matcher';

function badFile(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError && err.code === ErrorCode.BAD_FILE) return err.message;
    throw err;
  }
  throw new Error('expected BAD_FILE');
}

describe('matchHeaders', () => {
  it('maps Chinese and English headers to keys, keeping the header as written and its position', () => {
    const columns = matchHeaders('schools', ['学校名称', '备注', 'Kind', '学段', '在校生数']);
    expect(columns).toEqual([
      { key: 'name', header: '学校名称', index: 0 },
      { key: 'kind', header: 'Kind', index: 2 },
      { key: 'stage', header: '学段', index: 3 },
      { key: 'studentCount', header: '在校生数', index: 4 },
    ]);
  });

  it('ignores case, spaces (also full-width), `*` markers, full-width brackets and bracketed notes', () => {
    const columns = matchHeaders('class_groups', ['学校　名称', '*年级', '班级（班号）', 'Head Teacher', '学生数(人)']);
    expect(columns.map((c) => c.key)).toEqual(['school', 'grade', 'classNumber', 'headTeacher', 'studentCount']);
    expect(normalizeHeader(' Teaching  Point ')).toBe('teachingpoint');
    expect(normalizeHeader('（必填）')).toBe('(必填)');
  });

  it('names the missing required columns', () => {
    expect(badFile(() => matchHeaders('teachers', ['用户名', '学科']))).toBe(
      'missing required column(s): 姓名, 学校名称 (required: 用户名, 姓名, 学校名称)',
    );
  });

  it('refuses a first row that is data, not headers', () => {
    expect(badFile(() => matchHeaders('schools', ['山城区第一实验小学', '城区', '小学']))).toMatch(
      /^the first row is not a header row of known columns; expected headers: 学校名称, 城乡类型, 学段/,
    );
  });

  it('refuses two columns that mean the same thing', () => {
    expect(badFile(() => matchHeaders('classrooms', ['学校', '教室', '学校名称']))).toBe(
      'the columns "学校" and "学校名称" mean the same thing',
    );
  });
});
