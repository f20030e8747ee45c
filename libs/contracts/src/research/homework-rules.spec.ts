import { checkHomework, writtenHomeworkLimit, type HomeworkItem } from './homework-rules';

const written = (minutes: number): HomeworkItem => ({ content: '练习册', kind: 'written', minutes });
const codes = (grade: number, items: HomeworkItem[]) => checkHomework(grade, items).map((w) => w.code);

describe(checkHomework.name, () => {
  it.each([
    [1, 0],
    [2, 0],
    [3, 60],
    [6, 60],
    [7, 90],
    [9, 90],
  ])('gives grade %i a daily written limit of %i minutes', (grade, limit) => {
    expect(writtenHomeworkLimit(grade)).toBe(limit);
  });

  it('refuses any written homework up to grade 2, and allows it from grade 3', () => {
    expect(checkHomework(2, [written(1)])).toEqual([
      { code: 'written-not-allowed', severity: 'warning', grade: 2, writtenMinutes: 1, limitMinutes: 0 },
    ]);
    expect(codes(2, [{ content: '朗读', kind: 'oral', minutes: 15 }])).toEqual([]);
    expect(codes(3, [written(1)])).toEqual([]);
  });

  it.each([
    [6, 30, []],
    [6, 31, ['over-half-daily-limit']],
    [6, 60, ['over-half-daily-limit']],
    [6, 61, ['over-daily-limit']],
    [7, 45, []],
    [7, 46, ['over-half-daily-limit']],
    [7, 90, ['over-half-daily-limit']],
    [7, 91, ['over-daily-limit']],
  ])('grade %i with %i written minutes earns %j', (grade, minutes, expected) => {
    expect(codes(grade, [written(minutes)])).toEqual(expected);
  });

  it('moves from the primary to the junior limit between grades 6 and 7', () => {
    expect(checkHomework(6, [written(61)])).toEqual([
      { code: 'over-daily-limit', severity: 'warning', grade: 6, writtenMinutes: 61, limitMinutes: 60 },
    ]);
    expect(checkHomework(7, [written(61)])).toEqual([
      { code: 'over-half-daily-limit', severity: 'notice', grade: 7, writtenMinutes: 61, limitMinutes: 90 },
    ]);
  });

  it('sums written items only, ignoring negative minutes', () => {
    const items = [written(40), written(21), { content: '阅读', kind: 'reading' as const, minutes: 120 }, written(-30)];
    expect(checkHomework(4, items)).toEqual([
      { code: 'over-daily-limit', severity: 'warning', grade: 4, writtenMinutes: 61, limitMinutes: 60 },
    ]);
    expect(codes(4, [written(30), written(30)])).toEqual(['over-half-daily-limit']);
  });
});
