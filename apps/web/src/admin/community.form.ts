import type { CommunityKind, CommunityView, CreateCommunityRequest, UpdateCommunityRequest } from '@tongke/contracts';
import { ORG_LIMITS } from '@tongke/contracts/org-admin';
import { cleanText, fail, type FormResult, ok } from './form-checks';

export const COMMUNITY_KINDS: readonly CommunityKind[] = ['community', 'group', 'alliance'];

export interface CommunityForm {
  name: string;
  kind: CommunityKind;
  /** '' = none. */
  leadSchoolId: string;
}

export type CommunityProblem = 'name';

/** POST /api/communities body, or the first problem (the server checks again). */
export function toCreateCommunity(
  form: Pick<CommunityForm, 'name' | 'kind'>,
): FormResult<CreateCommunityRequest, CommunityProblem> {
  const name = cleanText(form.name, ORG_LIMITS.nameMax);
  return name === null ? fail('name') : ok({ name, kind: form.kind });
}

export function communityForm(view: CommunityView): CommunityForm {
  return { name: view.name, kind: view.kind, leadSchoolId: view.leadSchoolId ?? '' };
}

/** PATCH body with only the changed fields (empty when nothing changed), or the first problem. */
export function toUpdateCommunity(
  form: CommunityForm,
  view: CommunityView,
): FormResult<UpdateCommunityRequest, CommunityProblem> {
  const name = cleanText(form.name, ORG_LIMITS.nameMax);
  if (name === null) return fail('name');
  const patch: UpdateCommunityRequest = {};
  if (name !== view.name) patch.name = name;
  if (form.kind !== view.kind) patch.kind = form.kind;
  if (form.leadSchoolId && form.leadSchoolId !== view.leadSchoolId) patch.leadSchoolId = form.leadSchoolId;
  return ok(patch);
}
