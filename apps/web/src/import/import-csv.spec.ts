import { describe, expect, it } from '@jest/globals';
import { IMPORT_COLUMNS, IMPORT_KINDS } from '@tongke/contracts/import';
import { credentialsCsv, csvCell, importTemplateCsv, toCsv } from './import-csv';

describe('import CSV files', () => {
  it('writes each template as a BOM and the first header of every column', () => {
    expect(importTemplateCsv('schools')).toBe('\ufeff学校名称,城乡类型,学段,地址,教学点,学生数\r\n');
    for (const kind of IMPORT_KINDS) {
      const [header] = importTemplateCsv(kind).slice(1).split('\r\n');
      expect(header.split(',')).toEqual(IMPORT_COLUMNS[kind].map((c) => c.headers[0]));
    }
  });

  it('quotes cells with commas, quotes or line breaks, and neutralises formulas', () => {
    expect(csvCell('汤河乡')).toBe('汤河乡');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1')).toBe("'-1");
    expect(
      toCsv([
        ['a', 'b'],
        ['c', 'd'],
      ]),
    ).toBe('\ufeffa,b\r\nc,d\r\n');
  });

  it('lists the initial passwords under the given headers', () => {
    const csv = credentialsCsv(
      [
        { username: 'zhang.hua', password: 'h7Kq3mPz9tWx' },
        { username: 'liu.fang', password: 'Ab2cD3eF4gH5' },
      ],
      ['用户名', '初始密码'],
    );
    expect(csv).toBe('\ufeff用户名,初始密码\r\nzhang.hua,h7Kq3mPz9tWx\r\nliu.fang,Ab2cD3eF4gH5\r\n');
  });
});
