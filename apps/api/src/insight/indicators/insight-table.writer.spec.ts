import type { InsightTableData } from '@tongke/contracts';
import { parse } from 'csv-parse/sync';
import { Workbook } from 'exceljs';
import { csvSafeCell, tableCsv, tableXlsx } from './insight-table.writer';

const TABLE: InsightTableData = {
  columns: [
    { key: 'resource', zh: '资源', en: 'Resource' },
    { key: 'views', zh: '观看', en: 'Views' },
  ],
  rows: [
    ['=HYPERLINK("http://evil.example","点我")', 3],
    ['+1+2', -4],
    ['-2+3', 0],
    ['@SUM(A1)', null],
    ['\tTab', 1.5],
    ['\rCR', 2],
    ['音乐课 = 好', 7],
    ["'already quoted", 8],
  ],
};

describe(csvSafeCell.name, () => {
  it('prefixes text starting with = + - @ tab or CR with a quote', () => {
    expect(['=1+1', '+1', '-1', '@A1', '\tx', '\rx'].map(csvSafeCell)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@A1",
      "'\tx",
      "'\rx",
    ]);
  });

  it('leaves other text, numbers (negative too) and empty text alone; null is empty', () => {
    expect(['汤河乡中心小学', 'a=b', '', ' =x'].map(csvSafeCell)).toEqual(['汤河乡中心小学', 'a=b', '', ' =x']);
    expect([-4, 0, 1.5].map(csvSafeCell)).toEqual([-4, 0, 1.5]);
    expect(csvSafeCell(null)).toBe('');
  });
});

describe(tableCsv.name, () => {
  it('writes formula-like text cells as text and numbers verbatim, with the header in the language', () => {
    const rows = parse(tableCsv(TABLE, 'en'), { bom: true }) as string[][];
    expect(rows).toEqual([
      ['Resource', 'Views'],
      ['\'=HYPERLINK("http://evil.example","点我")', '3'],
      ["'+1+2", '-4'],
      ["'-2+3", '0'],
      ["'@SUM(A1)", ''],
      ["'\tTab", '1.5'],
      ["'\rCR", '2'],
      ['音乐课 = 好', '7'],
      ["'already quoted", '8'],
    ]);
  });
});

describe(tableXlsx.name, () => {
  it('keeps text cells as plain strings (a spreadsheet never evaluates them) and numbers as numbers', async () => {
    const workbook = new Workbook();
    await workbook.xlsx.load((await tableXlsx(TABLE, 'zh-CN', 'library')) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, '资源', '观看']);
    expect(sheet.getRow(2).getCell(1).value).toBe('=HYPERLINK("http://evil.example","点我")');
    expect(sheet.getRow(2).getCell(1).formula).toBeUndefined();
    expect(sheet.getRow(3).getCell(2).value).toBe(-4);
  });
});
