import type { CreateUserRequest, Subject, UpdateUserRequest, UserView } from '@tongke/contracts';
import { Role } from '@tongke/contracts/org';
import { ORG_LIMITS, USERNAME_PATTERN } from '@tongke/contracts/org-admin';
import { changedFields, cleanText, fail, type FormResult, ok } from './form-checks';

export interface UserForm {
  username: string;
  displayName: string;
  roles: Role[];
  subjects: Subject[];
  /** '' = none; required for terminals and assistants (their room). */
  classroomId: string;
  password: string;
}

export type UserProblem = 'username' | 'displayName' | 'roles' | 'terminalAlone' | 'classroomId' | 'password';
export const USER_FIELDS = ['username', 'displayName', 'roles', 'subjects', 'classroomId', 'password'] as const;

/** The field to mark for a problem. */
export const userProblemField = (problem: UserProblem) => (problem === 'terminalAlone' ? 'roles' : problem);

/** Roles bound to one classroom: the account needs its room. */
const ROOM_ROLES: readonly Role[] = [Role.TERMINAL, Role.ASSISTANT];

export const emptyUserForm = (): UserForm => ({
  username: '',
  displayName: '',
  roles: [Role.TEACHER],
  subjects: [],
  classroomId: '',
  password: '',
});

export function userForm(view: UserView): UserForm {
  return {
    username: view.username,
    displayName: view.displayName,
    roles: [...view.roles],
    subjects: [...view.subjects],
    classroomId: view.classroomId ?? '',
    password: '',
  };
}

/** Usernames are stored lowercased; `null` when the result breaks the length or pattern rule. */
export function normalizeUsername(value: string): string | null {
  const name = value.trim().toLowerCase();
  const okLength = name.length >= ORG_LIMITS.usernameMin && name.length <= ORG_LIMITS.usernameMax;
  return okLength && USERNAME_PATTERN.test(name) ? name : null;
}

export const passwordOk = (p: string) => p.length >= ORG_LIMITS.passwordMin && p.length <= ORG_LIMITS.passwordMax;

function checkRoles(form: UserForm, grantable: readonly Role[]): UserProblem | null {
  if (form.roles.length === 0 || form.roles.some((r) => !grantable.includes(r))) return 'roles';
  if (form.roles.includes(Role.TERMINAL) && form.roles.length > 1) return 'terminalAlone';
  if (form.roles.some((r) => ROOM_ROLES.includes(r)) && !form.classroomId) return 'classroomId';
  return null;
}

/** POST body for a staff member of `schoolId`, or the first problem (the server checks again). */
export function toCreateUser(
  form: UserForm,
  schoolId: string,
  grantable: readonly Role[],
): FormResult<CreateUserRequest, UserProblem> {
  const username = normalizeUsername(form.username);
  if (username === null) return fail('username');
  const displayName = cleanText(form.displayName, ORG_LIMITS.nameMax);
  if (displayName === null) return fail('displayName');
  const problem = checkRoles(form, grantable);
  if (problem) return fail(problem);
  if (!passwordOk(form.password)) return fail('password');
  return ok({
    username,
    displayName,
    roles: [...form.roles],
    schoolId,
    subjects: [...form.subjects],
    ...(form.classroomId && { classroomId: form.classroomId }),
    password: form.password,
  });
}

/** PATCH body with the changed profile fields (roles, subjects, room, name); passwords go through `toResetPassword`. */
export function toUpdateUser(
  form: UserForm,
  view: UserView,
  grantable: readonly Role[],
): FormResult<UpdateUserRequest, UserProblem> {
  const displayName = cleanText(form.displayName, ORG_LIMITS.nameMax);
  if (displayName === null) return fail('displayName');
  const problem = checkRoles(form, grantable);
  if (problem) return fail(problem);
  const next = { displayName, roles: [...form.roles].sort(), subjects: [...form.subjects].sort() };
  const current = { displayName: view.displayName, roles: [...view.roles].sort(), subjects: [...view.subjects].sort() };
  const patch: UpdateUserRequest = changedFields(next, current);
  if (form.classroomId && form.classroomId !== view.classroomId) patch.classroomId = form.classroomId;
  return ok(patch);
}

/** PATCH body that sets a new password (the API signs the user out everywhere). */
export function toResetPassword(password: string): FormResult<UpdateUserRequest, 'password'> {
  return passwordOk(password) ? ok({ password }) : fail('password');
}

/** Letters and digits without look-alikes (0/O, 1/l/I). */
const PASSWORD_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random initial password of `length` characters for the admin to hand over (crypto randomness). */
export function generatePassword(length = 12, random: (n: number) => Uint8Array = randomBytes): string {
  const bytes = random(length * 2);
  let out = '';
  // Rejection sampling keeps every character equally likely.
  const limit = 256 - (256 % PASSWORD_ALPHABET.length);
  for (const b of bytes) {
    if (b < limit) out += PASSWORD_ALPHABET[b % PASSWORD_ALPHABET.length];
    if (out.length === length) return out;
  }
  return out + generatePassword(length - out.length, random);
}

function randomBytes(n: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(n));
}

/** Staff of a school for the list: enabled first, then by name. */
export function staffRows(users: readonly UserView[]): UserView[] {
  return [...users].sort(
    (a, b) => Number(a.disabled) - Number(b.disabled) || a.displayName.localeCompare(b.displayName, 'zh-CN'),
  );
}
