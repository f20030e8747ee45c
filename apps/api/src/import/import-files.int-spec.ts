import { randomBytes } from 'node:crypto';
import { IMPORT_LIMITS, type ImportJobView } from '@tongke/contracts';
import { type ApiTestApp, startApiTestApp } from '../../../../test/support/api-test-app';
import { ImportJob } from './persistence/import-job.schema';
import { bearer, csv, DEMO_COMMUNITY_ID, model, upload } from './testing/import-test.support';
import { ImportsController } from './imports.controller';

/** Unreadable uploads are answered 400 BAD_FILE with a reason, and leave no job behind. */
describe(`${ImportsController.name} (files)`, () => {
  let t: ApiTestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startApiTestApp(8);
    admin = await t.login('admin');
  });

  afterAll(async () => {
    await t.close();
  });

  async function badFile(kind: 'schools' | 'teachers', name: string, bytes: Buffer): Promise<string> {
    const res = await upload(t, admin, kind, name, bytes).expect(400);
    expect(res.body.code).toBe('BAD_FILE');
    return res.body.message as string;
  }

  it('refuses random bytes named .xlsx, a zip that is no workbook, and binary data named .csv', async () => {
    expect(await badFile('schools', 'schools.xlsx', randomBytes(4096))).toBe(
      'the file is named .xlsx but is not an XLSX workbook',
    );
    const fakeZip = Buffer.concat([Buffer.from('PK\x03\x04'), randomBytes(4096)]);
    expect(await badFile('schools', 'schools.xlsx', fakeZip)).toMatch(/^the XLSX file can't be read/);
    expect(await badFile('schools', 'schools.csv', randomBytes(4096))).toBe('the file is not a CSV text file');
    expect(await badFile('schools', 'schools.doc', Buffer.from('学校名称\n一小\n'))).toMatch(
      /unsupported file type \.doc/,
    );
  });

  it('refuses an empty file, a file without a header row, wrong headers and a header without rows', async () => {
    expect(await badFile('schools', 'empty.csv', Buffer.alloc(0))).toBe('the file is empty');
    expect(await badFile('schools', 'no-header.csv', csv([['汤河乡中心小学', '乡村', '小学']]))).toMatch(
      /^the first row is not a header row of known columns; expected headers: 学校名称, 城乡类型, 学段/,
    );
    const wrong = csv([
      ['用户名', '姓名', '学校'],
      ['wang', '王', '一小'],
    ]);
    expect(await badFile('schools', 'wrong.csv', wrong)).toBe(
      'missing required column(s): 城乡类型, 学段 (required: 学校名称, 城乡类型, 学段)',
    );
    expect(await badFile('teachers', 'header-only.csv', csv([['用户名', '姓名', '学校名称']]))).toBe(
      'the file has a header row but no data rows',
    );
    expect(await badFile('schools', 'broken.csv', Buffer.from('学校名称,城乡类型,学段\n"一小,乡村,小学\n'))).toMatch(
      /^the CSV file is malformed/,
    );
  });

  it('refuses a file over the size limit (multer) as BAD_FILE', async () => {
    const big = Buffer.alloc(IMPORT_LIMITS.maxBytes + 1, 'a');
    expect(await badFile('schools', 'big.csv', big)).toBe('the file is larger than 10 MB');
  });

  it('asks for the file and a known kind', async () => {
    const url = `/api/communities/${DEMO_COMMUNITY_ID}/imports`;
    const noFile = await t.http.post(url).set(bearer(admin)).field('kind', 'schools').expect(400);
    expect(noFile.body).toEqual({
      code: 'BAD_FILE',
      message: 'attach the file to import as the multipart field `file`',
    });
    const file = csv([['学校名称', '城乡类型', '学段']]);
    const badKind = await t.http.post(url).set(bearer(admin)).field('kind', 'students').attach('file', file, 'a.csv');
    expect(badKind.status).toBe(400);
    expect(badKind.body.message).toMatch(/kind must be one of the following values/);
  });

  it('kept no job for any refused file; a readable one is accepted (202)', async () => {
    expect(await model<ImportJob>(t, ImportJob.name).countDocuments({})).toBe(0);
    const ok = await upload(
      t,
      admin,
      'schools',
      'ok.csv',
      csv([
        ['学校名称', '城乡类型', '学段'],
        ['一小', '乡村', '小学'],
      ]),
    );
    expect(ok.status).toBe(202);
    expect((ok.body as ImportJobView).status).toBe('validating');
  });
});
