import type { School } from '../../org/schemas/school.schema';
import { textCell } from './cell.parsers';
import type { ImportLookup } from './import.lookup';
import type { RowProblems } from './row-problems';
import { ORG_LIMITS } from '@tongke/contracts';

/** The school a row's `school` cell names (by name, within the community); records a problem if none. */
export function schoolOf(lookup: ImportLookup, raw: string | undefined, p: RowProblems): School | undefined {
  const name = p.take('school', textCell(raw, { required: true, max: ORG_LIMITS.nameMax }));
  if (!name) return undefined;
  const school = lookup.school(name);
  if (!school) p.add('school', `no school named "${name}" in this community`);
  return school;
}
