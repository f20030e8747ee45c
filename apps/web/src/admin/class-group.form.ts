import type {
  ClassGroupView,
  CreateClassGroupRequest,
  SchoolStage,
  UpdateClassGroupRequest,
  UserView,
} from '@tongke/contracts';
import { Role } from '@tongke/contracts/org';
import { ORG_LIMITS } from '@tongke/contracts/org-admin';
import { changedFields, fail, type FormResult, intInRange, ok } from './form-checks';

/** Class numbers accepted ((1)班 … (50)班), as the API's class group DTO does. */
export const CLASS_NUMBER_MAX = 50;

/** Grades a school of this stage teaches: primary 1–6, junior 7–9, nine-year 1–9. */
export function gradesForStage(stage: SchoolStage): number[] {
  const [from, to] = stage === 'primary' ? [1, 6] : stage === 'junior' ? [7, 9] : [1, 9];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export interface ClassGroupForm {
  grade: number;
  classNumber: number | string;
  /** '' = none. */
  headTeacherId: string;
  studentCount: number | string;
  classroomId: string;
}

export type ClassGroupProblem = 'grade' | 'classNumber' | 'studentCount';
export const CLASS_GROUP_FIELDS = ['grade', 'classNumber', 'headTeacherId', 'studentCount', 'classroomId'] as const;

export const emptyClassGroupForm = (stage: SchoolStage): ClassGroupForm => ({
  grade: gradesForStage(stage)[0],
  classNumber: 1,
  headTeacherId: '',
  studentCount: 0,
  classroomId: '',
});

export function classGroupForm(view: ClassGroupView): ClassGroupForm {
  const { grade, classNumber, studentCount } = view;
  return {
    grade,
    classNumber,
    studentCount,
    headTeacherId: view.headTeacherId ?? '',
    classroomId: view.classroomId ?? '',
  };
}

interface CheckedClassGroup {
  grade: number;
  classNumber: number;
  studentCount: number;
}

function check(form: ClassGroupForm, stage: SchoolStage): FormResult<CheckedClassGroup, ClassGroupProblem> {
  const grade = Number(form.grade);
  if (!gradesForStage(stage).includes(grade)) return fail('grade');
  const classNumber = intInRange(form.classNumber, 1, CLASS_NUMBER_MAX);
  if (classNumber === null) return fail('classNumber');
  const studentCount = intInRange(form.studentCount === '' ? 0 : form.studentCount, 0, ORG_LIMITS.studentCountMax);
  if (studentCount === null) return fail('studentCount');
  return ok({ grade, classNumber, studentCount });
}

/** POST body, or the first problem: grade within the school's stage (the server checks again). */
export function toCreateClassGroup(
  form: ClassGroupForm,
  schoolId: string,
  stage: SchoolStage,
): FormResult<CreateClassGroupRequest, ClassGroupProblem> {
  const checked = check(form, stage);
  if (!checked.ok) return checked;
  return ok({
    schoolId,
    ...checked.value,
    ...(form.headTeacherId && { headTeacherId: form.headTeacherId }),
    ...(form.classroomId && { classroomId: form.classroomId }),
  });
}

/** PATCH body with the changed fields; a cleared head teacher or classroom is sent as `null`. */
export function toUpdateClassGroup(
  form: ClassGroupForm,
  view: ClassGroupView,
  stage: SchoolStage,
): FormResult<UpdateClassGroupRequest, ClassGroupProblem> {
  const checked = check(form, stage);
  if (!checked.ok) return checked;
  const patch: UpdateClassGroupRequest = changedFields(checked.value, view);
  if ((form.headTeacherId || undefined) !== view.headTeacherId) patch.headTeacherId = form.headTeacherId || null;
  if ((form.classroomId || undefined) !== view.classroomId) patch.classroomId = form.classroomId || null;
  return ok(patch);
}

/** The school's teachers who can be head teachers (enabled accounts with the teacher role), by name. */
export function headTeacherChoices(users: readonly UserView[]): UserView[] {
  return users
    .filter((u) => u.roles.includes(Role.TEACHER) && !u.disabled)
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN'));
}
