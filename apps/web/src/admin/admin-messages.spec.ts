import { describe, expect, it } from '@jest/globals';
import { Role } from '@tongke/contracts/org';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import adminSchool from '../i18n/areas/admin-school';
import admin from '../i18n/areas/admin';
import en from '../i18n/en';
import zhCN from '../i18n/zh-CN';
import { COMMUNITY_KINDS } from './community.form';
import { SCHOOL_KINDS, SCHOOL_STAGES } from './school.form';

// Every message the admin pages ask for exists in both locales, with the same placeholders.

const locales = {
  'zh-CN': { ...zhCN, ...admin['zh-CN'], ...adminSchool['zh-CN'] },
  en: { ...en, ...admin.en, ...adminSchool.en },
};

function lookup(messages: object, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|vue)$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Keys written literally: t('admin.x.y'), te('…'), action.problem('bell.rows') → admin.problems.bell.rows. */
function literalKeys(): string[] {
  const files = [
    ...sourceFiles(__dirname),
    ...sourceFiles(join(__dirname, '../pages/admin')),
    join(__dirname, '../App.vue'),
  ];
  const keys = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bte?\(\s*'([A-Za-z][\w.]*)'/g)) keys.add(m[1]);
    for (const m of text.matchAll(/\.problem\(\s*'([\w.]+)'/g)) keys.add(`admin.problems.${m[1]}`);
  }
  // App.vue holds other areas' links too: only the admin areas' keys are checked here.
  return [...keys].filter((k) => /^admin(School)?\./.test(k));
}

/** Keys built at run time from the values they stand for. */
const dynamicKeys = [
  ...COMMUNITY_KINDS.map((k) => `admin.communityKinds.${k}`),
  ...SCHOOL_KINDS.map((k) => `admin.schoolKinds.${k}`),
  ...SCHOOL_STAGES.map((s) => `admin.schoolStages.${s}`),
  ...Object.values(Role).map((r) => `admin.roles.${r}`),
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((g) => `adminSchool.grades.${g}`),
  ...['format', 'order', 'overlap', 'tooMany'].map((p) => `adminSchool.bell.problems.${p}`),
  ...[
    // Every problem the forms report (community, school, pairing, classroom, class group, user).
    'name',
    'address',
    'studentCount',
    'seats',
    'terminalModel',
    'leadSchoolId',
    'memberSchoolId',
    'sameSchool',
    'since',
    'until',
    'order',
    'grade',
    'classNumber',
    'username',
    'displayName',
    'roles',
    'terminalAlone',
    'classroomId',
    'password',
  ].map((p) => `admin.problems.${p}`),
  ...['BAD_REQUEST', 'CONFLICT', 'NOT_FOUND', 'FORBIDDEN'].map((c) => `admin.errors.${c}`),
];

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('admin messages', () => {
  const keys = [...literalKeys(), ...dynamicKeys];

  it('finds the keys the pages use', () => {
    expect(keys).toEqual(
      expect.arrayContaining(['admin.navLink', 'adminSchool.device.expiresIn', 'admin.problems.bell.rows']),
    );
  });

  it.each(Object.keys(locales))('has every key in %s', (locale) => {
    const missing = keys.filter((k) => typeof lookup(locales[locale as keyof typeof locales], k) !== 'string');
    expect(missing).toEqual([]);
  });

  it('uses the same placeholders in both locales', () => {
    const differing = keys.filter((k) => {
      const zh = lookup(locales['zh-CN'], k);
      const english = lookup(locales.en, k);
      return (
        typeof zh === 'string' &&
        typeof english === 'string' &&
        placeholders(zh).join() !== placeholders(english).join()
      );
    });
    expect(differing).toEqual([]);
  });
});
