import { describe, expect, it } from '@jest/globals';
import type { UserView } from '@tongke/contracts';
import { Role } from '@tongke/contracts/org';
import {
  emptyUserForm,
  generatePassword,
  normalizeUsername,
  staffRows,
  toCreateUser,
  toResetPassword,
  toUpdateUser,
  userForm,
  userProblemField,
} from './user.form';

const grantable = [Role.TEACHER, Role.ASSISTANT, Role.TERMINAL];
const form = (over = {}) => ({
  ...emptyUserForm(),
  username: ' Music.Zhang ',
  displayName: ' 张老师 ',
  password: 'Tongke-demo-2026',
  ...over,
});
const view: UserView = {
  id: 'u1',
  username: 'music.li',
  displayName: '李静',
  roles: [Role.TEACHER],
  schoolId: 's1',
  subjects: ['music'],
  disabled: false,
  totpEnabled: false,
};

describe(normalizeUsername.name, () => {
  it('lowercases and checks length and pattern', () => {
    expect(normalizeUsername(' Music.Li ')).toBe('music.li');
    expect(normalizeUsername('13800138000')).toBe('13800138000');
    expect(normalizeUsername('ab')).toBeNull();
    expect(normalizeUsername('a'.repeat(40))).toBe('a'.repeat(40));
    expect(normalizeUsername('a'.repeat(41))).toBeNull();
    expect(normalizeUsername('.hidden')).toBeNull();
    expect(normalizeUsername('张老师')).toBeNull();
    expect(normalizeUsername('a b c')).toBeNull();
  });
});

describe(toCreateUser.name, () => {
  it('builds the body for a teacher of the school', () => {
    expect(toCreateUser(form({ subjects: ['music', 'art'] }), 's1', grantable)).toEqual({
      ok: true,
      value: {
        username: 'music.zhang',
        displayName: '张老师',
        roles: [Role.TEACHER],
        schoolId: 's1',
        subjects: ['music', 'art'],
        password: 'Tongke-demo-2026',
      },
    });
  });

  it('names the first problem', () => {
    expect(toCreateUser(form({ username: 'x' }), 's1', grantable)).toEqual({ ok: false, problem: 'username' });
    expect(toCreateUser(form({ displayName: '' }), 's1', grantable)).toEqual({ ok: false, problem: 'displayName' });
    expect(toCreateUser(form({ roles: [] }), 's1', grantable)).toEqual({ ok: false, problem: 'roles' });
    expect(toCreateUser(form({ password: 'short-9ch' }), 's1', grantable)).toEqual({ ok: false, problem: 'password' });
    expect(toCreateUser(form({ password: 'x'.repeat(129) }), 's1', grantable)).toEqual({
      ok: false,
      problem: 'password',
    });
  });

  it('refuses roles the admin cannot grant (school admins: no admin roles)', () => {
    expect(toCreateUser(form({ roles: [Role.SCHOOL_ADMIN] }), 's1', grantable)).toEqual({
      ok: false,
      problem: 'roles',
    });
    expect(toCreateUser(form({ roles: [Role.DISTRICT_ADMIN] }), 's1', grantable)).toEqual({
      ok: false,
      problem: 'roles',
    });
  });

  it('keeps terminal accounts to the one role', () => {
    expect(toCreateUser(form({ roles: [Role.TERMINAL, Role.TEACHER], classroomId: 'r1' }), 's1', grantable)).toEqual({
      ok: false,
      problem: 'terminalAlone',
    });
    expect(userProblemField('terminalAlone')).toBe('roles');
    expect(userProblemField('password')).toBe('password');
  });

  it('needs the classroom of a terminal or assistant', () => {
    expect(toCreateUser(form({ roles: [Role.TERMINAL] }), 's1', grantable)).toEqual({
      ok: false,
      problem: 'classroomId',
    });
    expect(toCreateUser(form({ roles: [Role.ASSISTANT], classroomId: 'r1' }), 's1', grantable)).toMatchObject({
      ok: true,
      value: { roles: [Role.ASSISTANT], classroomId: 'r1' },
    });
  });
});

describe(toUpdateUser.name, () => {
  it('sends only changed profile fields, comparing roles and subjects as sets', () => {
    expect(toUpdateUser(userForm(view), view, grantable)).toEqual({ ok: true, value: {} });
    const reordered = { ...userForm(view), subjects: ['music' as const] };
    expect(toUpdateUser(reordered, view, grantable)).toEqual({ ok: true, value: {} });
    expect(
      toUpdateUser({ ...userForm(view), roles: [Role.ASSISTANT, Role.TEACHER], classroomId: 'r1' }, view, grantable),
    ).toEqual({ ok: true, value: { roles: [Role.ASSISTANT, Role.TEACHER], classroomId: 'r1' } });
    expect(toUpdateUser({ ...userForm(view), subjects: ['music', 'art'] }, view, grantable)).toEqual({
      ok: true,
      value: { subjects: ['art', 'music'] },
    });
  });

  it('never sends the password and checks roles', () => {
    const result = toUpdateUser({ ...userForm(view), password: 'new-password-123' }, view, grantable);
    expect(result).toEqual({ ok: true, value: {} });
    expect(toUpdateUser({ ...userForm(view), roles: [] }, view, grantable)).toEqual({ ok: false, problem: 'roles' });
  });
});

describe(toResetPassword.name, () => {
  it('checks the length', () => {
    expect(toResetPassword('Tongke-demo-2026')).toEqual({ ok: true, value: { password: 'Tongke-demo-2026' } });
    expect(toResetPassword('123456789')).toEqual({ ok: false, problem: 'password' });
  });
});

describe(generatePassword.name, () => {
  it('makes passwords long enough from the unambiguous alphabet', () => {
    const password = generatePassword();
    expect(password).toHaveLength(12);
    expect(password).toMatch(/^[a-km-np-zA-HJ-NP-Z2-9]+$/);
    expect(toResetPassword(password).ok).toBe(true);
    expect(generatePassword()).not.toBe(password);
  });

  it('skips biased bytes (rejection sampling)', () => {
    const bytes = [255, 0, 254, 1, 2, 3, 4, 5];
    let call = 0;
    const random = (n: number) => Uint8Array.from({ length: n }, () => bytes[call++ % bytes.length]);
    expect(generatePassword(4, random)).toBe('abcd');
  });
});

describe(staffRows.name, () => {
  it('lists enabled accounts first', () => {
    const rows = staffRows([
      { ...view, id: 'x', disabled: true },
      { ...view, id: 'y' },
    ]);
    expect(rows.map((r) => r.id)).toEqual(['y', 'x']);
  });
});
