import type { CreatePairingRequest, PairingView, SchoolView, UpdatePairingRequest } from '@tongke/contracts';
import { DATE_PATTERN } from '@tongke/contracts/schedule';
import { fail, type FormResult, ok } from './form-checks';

export interface PairingForm {
  leadSchoolId: string;
  memberSchoolId: string;
  /** YYYY-MM-DD from a date input; '' = none. */
  since: string;
  until: string;
}

export type PairingProblem = 'leadSchoolId' | 'memberSchoolId' | 'sameSchool' | 'since' | 'until' | 'order';
export const PAIRING_FIELDS = ['leadSchoolId', 'memberSchoolId', 'since', 'until'] as const;

/** The field to mark for a problem. */
export function pairingProblemField(problem: PairingProblem): (typeof PAIRING_FIELDS)[number] {
  return problem === 'sameSchool' ? 'memberSchoolId' : problem === 'order' ? 'until' : problem;
}

export const emptyPairingForm = (today: string): PairingForm => ({
  leadSchoolId: '',
  memberSchoolId: '',
  since: today,
  until: '',
});

/** Local date YYYY-MM-DD. */
export function localDate(d = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function checkDates(since: string, until: string): PairingProblem | null {
  if (!DATE_PATTERN.test(since)) return 'since';
  if (until && !DATE_PATTERN.test(until)) return 'until';
  if (until && until < since) return 'order';
  return null;
}

/** POST body, or the first problem: two different schools, since ≤ until (the server checks again). */
export function toCreatePairing(form: PairingForm): FormResult<CreatePairingRequest, PairingProblem> {
  if (!form.leadSchoolId) return fail('leadSchoolId');
  if (!form.memberSchoolId) return fail('memberSchoolId');
  if (form.leadSchoolId === form.memberSchoolId) return fail('sameSchool');
  const problem = checkDates(form.since, form.until);
  if (problem) return fail(problem);
  return ok({
    leadSchoolId: form.leadSchoolId,
    memberSchoolId: form.memberSchoolId,
    since: form.since,
    ...(form.until && { until: form.until }),
  });
}

export function pairingForm(view: PairingView): PairingForm {
  return {
    leadSchoolId: view.leadSchoolId,
    memberSchoolId: view.memberSchoolId,
    since: view.since,
    until: view.until ?? '',
  };
}

/** PATCH body: only since/until can change; a cleared end date is sent as `null`. */
export function toUpdatePairing(
  form: PairingForm,
  view: PairingView,
): FormResult<UpdatePairingRequest, PairingProblem> {
  const problem = checkDates(form.since, form.until);
  if (problem) return fail(problem);
  const patch: UpdatePairingRequest = {};
  if (form.since !== view.since) patch.since = form.since;
  if ((form.until || undefined) !== view.until) patch.until = form.until || null;
  return ok(patch);
}

/** A pairing row with its schools' names (`?` when a school is not in the list). */
export interface PairingRow extends PairingView {
  leadName: string;
  memberName: string;
}

/** Pairings with school names: active first, then by lead school name and start date. */
export function pairingRows(pairings: readonly PairingView[], schools: readonly SchoolView[]): PairingRow[] {
  const names = new Map(schools.map((s) => [s.id, s.name]));
  return pairings
    .map((p) => ({ ...p, leadName: names.get(p.leadSchoolId) ?? '?', memberName: names.get(p.memberSchoolId) ?? '?' }))
    .sort(
      (a, b) =>
        Number(b.active) - Number(a.active) ||
        a.leadName.localeCompare(b.leadName, 'zh-CN') ||
        a.since.localeCompare(b.since),
    );
}
