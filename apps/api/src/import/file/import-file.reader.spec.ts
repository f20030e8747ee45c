import { randomBytes } from 'node:crypto';
import { ErrorCode, IMPORT_LIMITS } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { Workbook } from 'exceljs';
import iconv from 'iconv-lite';
import { readImportFile } from './import-file.reader';
import type { UploadedImportFile } from './uploaded-import-file';

const file = (originalname: string, buffer: Buffer): UploadedImportFile => ({
  originalname,
  buffer,
  size: buffer.length,
});
const CSV = '学校名称,城乡类型,学段\n汤河乡中心小学,乡村,小学\n石林镇小学,乡村,小学\n';

async function badFile(f: UploadedImportFile | undefined): Promise<string> {
  const err: unknown = await readImportFile(f).then(
    () => new Error('expected BAD_FILE'),
    (e: unknown) => e,
  );
  if (err instanceof AppError && err.code === ErrorCode.BAD_FILE) return err.message;
  throw err;
}

describe('readImportFile', () => {
  it('reads UTF-8 with and without BOM, GBK and UTF-16 alike', async () => {
    const expected = {
      header: { row: 1, cells: ['学校名称', '城乡类型', '学段'] },
      rows: [
        { row: 2, cells: ['汤河乡中心小学', '乡村', '小学'] },
        { row: 3, cells: ['石林镇小学', '乡村', '小学'] },
      ],
    };
    const utf8 = Buffer.from(CSV, 'utf8');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
    const gbk = iconv.encode(CSV, 'gbk');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(CSV.replace(/,/g, '\t'), 'utf-16le')]);
    expect(gbk.equals(utf8)).toBe(false);
    for (const bytes of [utf8, bom, gbk, utf16]) {
      await expect(readImportFile(file('学校.csv', bytes))).resolves.toEqual(expected);
    }
  });

  it('numbers rows as a spreadsheet does: blank lines skipped but counted, quoted line breaks kept in one row', async () => {
    const text = '学校名称;学段\n\n"汤河乡\n中心小学";小学\n ; \n石林镇小学;小学';
    const table = await readImportFile(file('a.csv', Buffer.from(text)));
    expect(table.rows).toEqual([
      { row: 3, cells: ['汤河乡\n中心小学', '小学'] },
      { row: 5, cells: ['石林镇小学', '小学'] },
    ]);
  });

  it('reads the first sheet of an XLSX workbook as text (numbers too), by row number', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('教室');
    workbook.addWorksheet('说明').addRow(['ignored']);
    sheet.addRow(['学校名称', '教室名称', '座位数']);
    sheet.addRow(['汤河乡中心小学', '录播教室', 36]);
    sheet.getRow(4).values = ['石林镇小学', { richText: [{ text: '四年级' }, { text: '教室' }] }, 30];
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const table = await readImportFile(file('rooms.xlsx', bytes));
    expect(table).toEqual({
      header: { row: 1, cells: ['学校名称', '教室名称', '座位数'] },
      rows: [
        { row: 2, cells: ['汤河乡中心小学', '录播教室', '36'] },
        { row: 4, cells: ['石林镇小学', '四年级教室', '30'] },
      ],
    });
  });

  it('refuses missing, empty, header-only, unknown, corrupt and oversized files with a reason', async () => {
    expect(await badFile(undefined)).toMatch(/multipart field `file`/);
    expect(await badFile(file('a.csv', Buffer.alloc(0)))).toBe('the file is empty');
    expect(await badFile(file('a.csv', Buffer.from('\n \n')))).toBe('the file has no rows');
    await expect(readImportFile(file('a.csv', Buffer.from('学校名称,学段\n')))).resolves.toEqual({
      header: { row: 1, cells: ['学校名称', '学段'] },
      rows: [],
    });
    expect(await badFile(file('a.pdf', Buffer.from(CSV)))).toMatch(/unsupported file type \.pdf/);
    expect(await badFile(file('a.xlsx', randomBytes(2048)))).toMatch(/not an XLSX workbook/);
    const zipGarbage = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(2048)]);
    expect(await badFile(file('a.xlsx', zipGarbage))).toMatch(/^the XLSX file can't be read/);
    expect(await badFile(file('a.csv', randomBytes(4096)))).toBe('the file is not a CSV text file');
    expect(await badFile(file('a.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0])))).toMatch(
      /\.xls files are not supported/,
    );
    expect(await badFile(file('a.csv', Buffer.from('学校名称,学段\n"汤河乡,小学\n')))).toMatch(
      /^the CSV file is malformed: Quote Not Closed/,
    );
    const big = Buffer.alloc(IMPORT_LIMITS.maxBytes + 1, 'a');
    expect(await badFile(file('a.csv', big))).toMatch(/larger than 10 MB/);
  });

  it(`refuses more than ${IMPORT_LIMITS.maxRows} data rows`, async () => {
    const text = '学校名称\n' + '小学\n'.repeat(IMPORT_LIMITS.maxRows + 1);
    expect(await badFile(file('a.csv', Buffer.from(text)))).toMatch(/has 20001 data rows; at most 20000/);
    const ok = '学校名称\n' + '小学\n'.repeat(IMPORT_LIMITS.maxRows);
    await expect(readImportFile(file('a.csv', Buffer.from(ok)))).resolves.toMatchObject({ rows: { length: 20000 } });
  });
});
