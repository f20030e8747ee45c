import {
  balanceTable,
  type BalanceView,
  coverageTable,
  type CoverageView,
  type InsightOverview,
  type InsightSchoolsView,
  type InsightTable,
  type InsightTableData,
  libraryTable,
  type LibraryUseView,
  liveTable,
  type LiveOpsView,
  overviewTable,
  schoolsTable,
  trendTable,
  type TrendView,
} from '@tongke/contracts';
import { parse } from 'csv-parse/sync';
import { Workbook } from 'exceljs';
import type { Response } from 'supertest';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { DEMO, type OrgLogin, signInAll } from '../../org/testing/org-test.support';
import { InsightExportService } from './insight-export.service';
import { writeInsightFixture } from './testing/insight-term.fixture';

// Every export equals its JSON view turned into rows by the contracts' table builders, in the
// export's language, under a file name that says what it holds.

const TERM = 'from=2026-09-01&to=2026-10-31';
type Lang = 'zh-CN' | 'en';

/** Collects a binary body (XLSX). */
const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** What a CSV reader sees of the table: the header in the language, then every cell as text ('' for null). */
const asCsv = (table: InsightTableData, lang: 'zh' | 'en') => [
  table.columns.map((c) => c[lang]),
  ...table.rows.map((r) => r.map((cell) => (cell === null ? '' : String(cell)))),
];

/** What a spreadsheet reader sees: numbers as numbers, empty cells as null. */
async function xlsxRows(body: Buffer): Promise<unknown[][]> {
  const workbook = new Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: unknown[][] = [];
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    rows.push(Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).value ?? null));
  }
  return rows;
}

describe(InsightExportService.name, () => {
  let t: ApiTestApp;
  let as: (user: OrgLogin) => { Authorization: string };
  const json = async <T>(url: string) =>
    (await t.http.get(`/api/insight/${url}`).set(as('admin')).expect(200)).body as T;
  const cases: [InsightTable, string, (url: string, lang?: Lang) => Promise<InsightTableData>][] = [
    ['overview', '', async (q, lang) => overviewTable(await json<InsightOverview>(`overview?${q}`), lang)],
    ['schools', '', async (q, lang) => schoolsTable(await json<InsightSchoolsView>(`schools?${q}`), lang)],
    ['coverage', '', async (q, lang) => coverageTable(await json<CoverageView>(`coverage?${q}`), lang)],
    ['trend', '', async (q, lang) => trendTable(await json<TrendView>(`trend?${q}`), lang)],
    ['library', '', async (q, lang) => libraryTable(await json<LibraryUseView>(`library?${q}`), lang)],
    [
      'balance',
      '&indicator=lessons_per_student',
      async (q, lang) => balanceTable(await json<BalanceView>(`balance?${q}`), lang),
    ],
    ['live', '', async (q, lang) => liveTable(await json<LiveOpsView>(`live?${q.replace(TERM, '')}`), lang)],
  ];
  /** The admin is the demo community's admin. */
  const scope = `community-${DEMO.community.slice(-8)}`;
  /** The file name the table's export should have (the live one by the export's local time). */
  const fileName = (table: InsightTable, format: string): RegExp | string =>
    table === 'live'
      ? new RegExp(`filename="tongke-insight-live-${scope}-\\d{4}-\\d{2}-\\d{2}T\\d{4}\\.${format}"`)
      : `filename="tongke-insight-${table}-${table === 'balance' ? 'lessons_per_student-' : ''}${scope}-2026-09-01_2026-10-31.${format}"`;

  beforeAll(async () => {
    t = await startApiTestApp(70);
    as = await signInAll(t);
    await writeInsightFixture(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  it.each(cases)(
    'exports %s as CSV (UTF-8 with BOM, zh-CN or English) equal to the JSON',
    async (table, extra, expected) => {
      for (const [lang, key] of [
        ['zh-CN', 'zh'],
        ['en', 'en'],
      ] as const) {
        const data = await expected(`${TERM}${extra}`, lang);
        const res = await t.http
          .get(`/api/insight/export/${table}?${TERM}${extra}&format=csv&lang=${lang}`)
          .set(as('admin'))
          .buffer(true)
          .parse(binary)
          .expect(200);
        const body = res.body as Buffer;
        expect(res.headers['content-type']).toMatch(/^text\/csv/);
        expect(res.headers['content-disposition']).toMatch(fileName(table, 'csv'));
        expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        expect(parse(body, { bom: true, relax_column_count: false })).toEqual(asCsv(data, key));
      }
    },
  );

  it.each(cases)('exports %s as XLSX equal to the JSON', async (table, extra, expected) => {
    const data = await expected(`${TERM}${extra}`);
    const res = await t.http
      .get(`/api/insight/export/${table}?${TERM}${extra}&format=xlsx`)
      .set(as('admin'))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-disposition']).toMatch(fileName(table, 'xlsx'));
    expect(await xlsxRows(res.body as Buffer)).toEqual([
      data.columns.map((c) => c.zh),
      ...data.rows.map((r) => r.map((cell) => cell ?? null)),
    ]);
  });

  it('exports real rows (the tables are not empty where the fixture has data)', async () => {
    const schools = await cases[1][2](TERM);
    expect(schools.rows).toHaveLength(4);
    expect(schools.rows[1].slice(0, 4)).toEqual(['汤河乡中心小学', '山城区城乡学校联盟（示范）', '乡村', 214]);
    const csv = await t.http
      .get(`/api/insight/export/schools?${TERM}`)
      .set(as('admin'))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect((csv.body as Buffer).toString('utf8')).toContain('\r\n汤河乡中心小学,');
  });

  it("words the cells in English and names a school admin's file by their school", async () => {
    const res = await t.http
      .get(`/api/insight/export/schools?${TERM}&lang=en`)
      .set(as('school.wang'))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-disposition']).toContain(
      `filename="tongke-insight-schools-school-${DEMO.school.tanghe.slice(-8)}-2026-09-01_2026-10-31.csv"`,
    );
    const [header, row] = parse(res.body as Buffer, { bom: true }) as string[][];
    expect(header.slice(0, 3)).toEqual(['School', 'Community', 'Kind']);
    expect(row.slice(0, 3)).toEqual(['汤河乡中心小学', '山城区城乡学校联盟（示范）', 'Rural']);
    const district = await t.http
      .get(`/api/insight/export/overview?${TERM}&lang=en`)
      .set(as('district.zhou'))
      .expect(200);
    expect(district.headers['content-disposition']).toContain(
      'filename="tongke-insight-overview-district-2026-09-01_2026-10-31.csv"',
    );
  });
});
