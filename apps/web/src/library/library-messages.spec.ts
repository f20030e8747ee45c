import { describe, expect, it } from '@jest/globals';
import { Role } from '@tongke/contracts/org';
import {
  PROCESSING_STAGES,
  RESOURCE_KINDS,
  RESOURCE_SORTS,
  RESOURCE_STATUSES,
  RESOURCE_VISIBILITIES,
} from '@tongke/contracts/library/resource-values';
import libraryMessages from '../i18n/areas/library';
import { canContribute } from './library-access';

/** Every leaf key path of a message tree. */
function leaves(node: unknown, prefix = ''): string[] {
  if (typeof node === 'string') return [prefix];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

describe('library messages', () => {
  it('has the same keys in zh-CN and English', () => {
    expect(leaves(libraryMessages.en).sort()).toEqual(leaves(libraryMessages['zh-CN']).sort());
  });

  it('names every contract value', () => {
    const keys = new Set(leaves(libraryMessages['zh-CN']));
    const needed = [
      ...PROCESSING_STAGES.map((s) => `library.stages.${s}`),
      ...RESOURCE_KINDS.map((k) => `library.kinds.${k}`),
      ...RESOURCE_SORTS.map((s) => `library.sorts.${s}`),
      ...RESOURCE_STATUSES.map((s) => `library.statuses.${s}`),
      ...RESOURCE_VISIBILITIES.map((v) => `library.visibilities.${v}`),
      ...['BAD_REQUEST', 'BAD_FILE', 'PAYLOAD_TOO_LARGE', 'NOT_READY', 'FORBIDDEN'].map((c) => `library.errors.${c}`),
    ];
    expect(needed.filter((k) => !keys.has(k))).toEqual([]);
  });

  it('uses no vue-i18n special characters by accident', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const texts = leaves(libraryMessages[locale]).map((k) =>
        k.split('.').reduce<unknown>((n, p) => (n as Record<string, unknown>)[p], libraryMessages[locale]),
      );
      expect(texts.filter((s) => /[@|$]/.test(String(s)))).toEqual([]);
    }
  });
});

describe('library access', () => {
  it('lets staff contribute, not terminals or assistants', () => {
    expect(canContribute({ roles: [Role.TEACHER] })).toBe(true);
    expect(canContribute({ roles: [Role.SCHOOL_ADMIN] })).toBe(true);
    expect(canContribute({ roles: [Role.RESEARCH_OFFICER] })).toBe(true);
    expect(canContribute({ roles: [Role.TERMINAL] })).toBe(false);
    expect(canContribute({ roles: [Role.ASSISTANT] })).toBe(false);
    expect(canContribute(null)).toBe(false);
  });
});
