// REST shapes of the API's bulk import (apps/api/src/import): schools, classrooms, class
// groups and teachers from CSV or XLSX. Upload → dry run (every bad row reported) → commit
// (all rows or none). Both phases run in the background and report progress.

export const IMPORT_KINDS = ['schools', 'classrooms', 'class_groups', 'teachers'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_LIMITS = { maxBytes: 10 * 1024 * 1024, maxRows: 20_000 } as const;

/**
 * Columns per kind: the key, then the headers accepted for it (Chinese first). Header
 * matching ignores case, spaces and full-width brackets. Values: 城区/乡村 (urban/rural),
 * 小学/初中/九年一贯制, 是/否, subject names in Chinese (语文, 数学, …) separated by 、 or ,.
 */
export const IMPORT_COLUMNS: Record<ImportKind, { key: string; headers: string[]; required: boolean }[]> = {
  schools: [
    { key: 'name', headers: ['学校名称', '学校', 'name'], required: true },
    { key: 'kind', headers: ['城乡类型', '类型', 'kind'], required: true },
    { key: 'stage', headers: ['学段', 'stage'], required: true },
    { key: 'address', headers: ['地址', 'address'], required: false },
    { key: 'teachingPoint', headers: ['教学点', 'teaching point'], required: false },
    { key: 'studentCount', headers: ['学生数', '在校生数', 'students'], required: false },
  ],
  classrooms: [
    { key: 'school', headers: ['学校名称', '学校', 'school'], required: true },
    { key: 'name', headers: ['教室名称', '教室', 'classroom'], required: true },
    { key: 'seats', headers: ['座位数', 'seats'], required: false },
    { key: 'terminalModel', headers: ['终端型号', '终端', 'terminal'], required: false },
  ],
  class_groups: [
    { key: 'school', headers: ['学校名称', '学校', 'school'], required: true },
    { key: 'grade', headers: ['年级', 'grade'], required: true },
    { key: 'classNumber', headers: ['班级', '班号', 'class'], required: true },
    { key: 'studentCount', headers: ['学生数', '人数', 'students'], required: false },
    { key: 'headTeacher', headers: ['班主任用户名', '班主任', 'head teacher'], required: false },
    { key: 'classroom', headers: ['教室名称', '教室', 'classroom'], required: false },
  ],
  teachers: [
    { key: 'username', headers: ['用户名', '账号', 'username'], required: true },
    { key: 'displayName', headers: ['姓名', 'name'], required: true },
    { key: 'school', headers: ['学校名称', '学校', 'school'], required: true },
    { key: 'subjects', headers: ['任教学科', '学科', 'subjects'], required: false },
    { key: 'role', headers: ['角色', 'role'], required: false },
  ],
};

export type ImportStatus = 'validating' | 'validated' | 'committing' | 'committed' | 'failed';

/** One problem with one cell (or the whole row when `column` is absent). */
export interface ImportRowError {
  /** 1-based row number as a spreadsheet shows it (the header is row 1). */
  row: number;
  column?: string;
  reason: string;
}

export interface ImportProgress {
  done: number;
  total: number;
}

/** GET /api/communities/:communityId/imports/:importId (poll while validating/committing). */
export interface ImportJobView {
  id: string;
  communityId: string;
  kind: ImportKind;
  fileName: string;
  status: ImportStatus;
  progress: ImportProgress;
  rows: number;
  /** Every bad row; commit is refused while this is non-empty. */
  errors: ImportRowError[];
  /** After commit: how many records were created. */
  created?: number;
  /**
   * teachers, after commit: the one-time initial passwords (shown once; later reads omit them).
   */
  credentials?: { username: string; password: string }[];
  /** Why a commit failed (nothing was kept). */
  failure?: string;
  createdAt: string;
}

/** POST /api/communities/:communityId/imports — multipart: `file` (CSV/XLSX) + `kind`. Answers 202 with the job (dry run starts). */
export interface StartImportRequest {
  kind: ImportKind;
}
