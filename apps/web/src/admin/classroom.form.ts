import type { ClassroomView, CreateClassroomRequest, UpdateClassroomRequest } from '@tongke/contracts';
import { ORG_LIMITS } from '@tongke/contracts/org-admin';
import { changedFields, cleanText, fail, type FormResult, intInRange, ok } from './form-checks';

export interface ClassroomForm {
  name: string;
  /** Number input: '' when cleared. */
  seats: number | string;
  terminalModel: string;
}

export type ClassroomProblem = 'name' | 'seats' | 'terminalModel';
export const CLASSROOM_FIELDS = ['name', 'seats', 'terminalModel'] as const;

export const emptyClassroomForm = (): ClassroomForm => ({ name: '', seats: 40, terminalModel: '' });

export function classroomForm(view: ClassroomView): ClassroomForm {
  return { name: view.name, seats: view.seats, terminalModel: view.terminalModel };
}

function check(form: ClassroomForm): FormResult<Required<UpdateClassroomRequest>, ClassroomProblem> {
  const name = cleanText(form.name, ORG_LIMITS.nameMax);
  if (name === null) return fail('name');
  const seats = intInRange(form.seats === '' ? 0 : form.seats, 0, ORG_LIMITS.seatsMax);
  if (seats === null) return fail('seats');
  const terminalModel = cleanText(form.terminalModel, ORG_LIMITS.nameMax, false);
  if (terminalModel === null) return fail('terminalModel');
  return ok({ name, seats, terminalModel });
}

/** POST body for a classroom of `schoolId`, or the first problem (the server checks again). */
export function toCreateClassroom(
  form: ClassroomForm,
  schoolId: string,
): FormResult<CreateClassroomRequest, ClassroomProblem> {
  const checked = check(form);
  return checked.ok ? ok({ schoolId, ...checked.value }) : checked;
}

export function toUpdateClassroom(
  form: ClassroomForm,
  view: ClassroomView,
): FormResult<UpdateClassroomRequest, ClassroomProblem> {
  const checked = check(form);
  return checked.ok ? ok(changedFields(checked.value, view)) : checked;
}
