import type { CreateSchoolRequest, SchoolKind, SchoolStage, SchoolView, UpdateSchoolRequest } from '@tongke/contracts';
import { ORG_LIMITS } from '@tongke/contracts/org-admin';
import { changedFields, cleanText, fail, type FormResult, intInRange, ok } from './form-checks';

export const SCHOOL_KINDS: readonly SchoolKind[] = ['urban', 'rural'];
export const SCHOOL_STAGES: readonly SchoolStage[] = ['primary', 'junior', 'nine_year'];

export interface SchoolForm {
  name: string;
  kind: SchoolKind;
  stage: SchoolStage;
  address: string;
  teachingPoint: boolean;
  /** Number input: '' when cleared. */
  studentCount: number | string;
}

export type SchoolProblem = 'name' | 'address' | 'studentCount';
export const SCHOOL_FIELDS = ['name', 'kind', 'stage', 'address', 'teachingPoint', 'studentCount'] as const;

export const emptySchoolForm = (): SchoolForm => ({
  name: '',
  kind: 'rural',
  stage: 'primary',
  address: '',
  teachingPoint: false,
  studentCount: 0,
});

export function schoolForm(view: SchoolView): SchoolForm {
  const { name, kind, stage, address, teachingPoint, studentCount } = view;
  return { name, kind, stage, address, teachingPoint, studentCount };
}

/** The full create body, or the first problem (the server checks again). */
export function toCreateSchool(form: SchoolForm): FormResult<Required<CreateSchoolRequest>, SchoolProblem> {
  const name = cleanText(form.name, ORG_LIMITS.nameMax);
  if (name === null) return fail('name');
  const address = cleanText(form.address, ORG_LIMITS.addressMax, false);
  if (address === null) return fail('address');
  const studentCount = intInRange(form.studentCount === '' ? 0 : form.studentCount, 0, ORG_LIMITS.studentCountMax);
  if (studentCount === null) return fail('studentCount');
  return ok({ name, kind: form.kind, stage: form.stage, address, teachingPoint: form.teachingPoint, studentCount });
}

/** PATCH body with the changed fields only. */
export function toUpdateSchool(form: SchoolForm, view: SchoolView): FormResult<UpdateSchoolRequest, SchoolProblem> {
  const checked = toCreateSchool(form);
  return checked.ok ? ok(changedFields(checked.value, view)) : checked;
}
