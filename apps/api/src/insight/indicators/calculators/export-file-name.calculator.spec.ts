import { exportFileName, exportScopeLabel } from './export-file-name.calculator';

const COMMUNITY = '65f0c0ffee0000000000a1b2';
const SCHOOL = '65f0c0ffee00000000C3D4E5';
const RANGE = { from: '2026-09-01', to: '2026-12-04' };

describe(exportScopeLabel.name, () => {
  it('names the district, or the community or school by its id’s last 8 hex digits', () => {
    expect(exportScopeLabel({ level: 'district' })).toBe('district');
    expect(exportScopeLabel({ level: 'community', communityId: COMMUNITY })).toBe('community-0000a1b2');
    expect(exportScopeLabel({ level: 'school', communityId: COMMUNITY, schoolId: SCHOOL })).toBe('school-00c3d4e5');
  });
});

describe(exportFileName.name, () => {
  it('holds the table, the scope and the range', () => {
    expect(exportFileName({ table: 'schools', format: 'csv', scope: { level: 'district' }, range: RANGE })).toBe(
      'tongke-insight-schools-district-2026-09-01_2026-12-04.csv',
    );
  });

  it('holds the balance indicator', () => {
    const name = exportFileName({
      table: 'balance',
      format: 'xlsx',
      scope: { level: 'community', communityId: COMMUNITY },
      indicator: 'lessons_per_student',
      range: RANGE,
    });
    expect(name).toBe('tongke-insight-balance-lessons_per_student-community-0000a1b2-2026-09-01_2026-12-04.xlsx');
  });

  it("names the live table by the export's local time, not a range", () => {
    const name = exportFileName({
      table: 'live',
      format: 'csv',
      scope: { level: 'district' },
      at: { iso: '2026-12-04T01:15:42.120Z', zone: 'Asia/Shanghai' },
    });
    expect(name).toBe('tongke-insight-live-district-2026-12-04T0915.csv');
  });
});
