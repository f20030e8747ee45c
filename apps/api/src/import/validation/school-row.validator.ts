import { ORG_LIMITS, type SchoolKind, type SchoolStage } from '@tongke/contracts';
import type { ImportRow } from '../rows/import-row';
import { choiceCell, integerCell, textCell, yesNoCell } from './cell.parsers';
import { FirstRows } from './first-rows';
import type { SchoolDraft } from './import-drafts';
import type { ImportLookup } from './import.lookup';
import { nameKey } from './name-key';
import type { RowProblems } from './row-problems';
import { completeDraft, type RowValidator } from './row.validator';

export const SCHOOL_KIND_WORDS: Record<string, SchoolKind> = {
  城区: 'urban',
  乡村: 'rural',
  urban: 'urban',
  rural: 'rural',
};
export const SCHOOL_STAGE_WORDS: Record<string, SchoolStage> = {
  小学: 'primary',
  初中: 'junior',
  九年一贯制: 'nine_year',
  primary: 'primary',
  junior: 'junior',
  nine_year: 'nine_year',
};

/** Rows of a schools file: name (unique in the community and the file), 城区/乡村, 学段, address, 教学点, students. */
export class SchoolRowValidator implements RowValidator<SchoolDraft> {
  private readonly names = new FirstRows();

  constructor(private readonly lookup: ImportLookup) {}

  validate({ row, values }: ImportRow, p: RowProblems): SchoolDraft | undefined {
    const draft = {
      name: p.take('name', textCell(values.name, { required: true, max: ORG_LIMITS.nameMax })),
      kind: p.take('kind', choiceCell(values.kind, SCHOOL_KIND_WORDS, '城区 or 乡村')),
      stage: p.take('stage', choiceCell(values.stage, SCHOOL_STAGE_WORDS, '小学, 初中 or 九年一贯制')),
      address: p.take('address', textCell(values.address, { max: ORG_LIMITS.addressMax })),
      teachingPoint: p.take('teachingPoint', yesNoCell(values.teachingPoint)),
      studentCount: p.take('studentCount', integerCell(values.studentCount, 0, ORG_LIMITS.studentCountMax, 0)),
    };
    if (draft.name) this.checkUnique(draft.name, row, p);
    if (draft.teachingPoint && draft.kind === 'urban') {
      p.add('teachingPoint', 'a teaching point (教学点) is a rural site: 城乡类型 must be 乡村');
    }
    return completeDraft<SchoolDraft>(p, draft);
  }

  private checkUnique(name: string, row: number, p: RowProblems): void {
    const earlier = this.names.earlier(nameKey(name), row);
    if (earlier !== undefined) p.add('name', `duplicate: row ${earlier} has the same school`);
    else if (this.lookup.school(name)) p.add('name', `a school named "${name}" already exists in this community`);
  }
}
