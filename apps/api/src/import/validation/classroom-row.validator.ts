import { ORG_LIMITS } from '@tongke/contracts';
import type { School } from '../../org/schemas/school.schema';
import type { ImportRow } from '../rows/import-row';
import { integerCell, textCell } from './cell.parsers';
import { FirstRows } from './first-rows';
import type { ClassroomDraft } from './import-drafts';
import { classroomKey, type ImportLookup } from './import.lookup';
import type { RowProblems } from './row-problems';
import { completeDraft, type RowValidator } from './row.validator';
import { schoolOf } from './school-reference';

/** Rows of a classrooms file: an existing school, a room name unique at that school, seats, terminal model. */
export class ClassroomRowValidator implements RowValidator<ClassroomDraft> {
  private readonly rooms = new FirstRows();

  constructor(private readonly lookup: ImportLookup) {}

  validate({ row, values }: ImportRow, p: RowProblems): ClassroomDraft | undefined {
    const school = schoolOf(this.lookup, values.school, p);
    const draft = {
      schoolId: school?._id,
      name: p.take('name', textCell(values.name, { required: true, max: ORG_LIMITS.nameMax })),
      seats: p.take('seats', integerCell(values.seats, 0, ORG_LIMITS.seatsMax, 0)),
      terminalModel: p.take('terminalModel', textCell(values.terminalModel, { max: ORG_LIMITS.nameMax })),
    };
    if (school && draft.name) this.checkUnique(school, draft.name, row, p);
    return completeDraft<ClassroomDraft>(p, draft);
  }

  private checkUnique(school: School, name: string, row: number, p: RowProblems): void {
    const earlier = this.rooms.earlier(classroomKey(school._id, name), row);
    if (earlier !== undefined) p.add('name', `duplicate: row ${earlier} has the same classroom at ${school.name}`);
    else if (this.lookup.classroom(school._id, name)) {
      p.add('name', `${school.name} already has a classroom named "${name}"`);
    }
  }
}
