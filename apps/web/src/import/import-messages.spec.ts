import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IMPORT_COLUMNS, IMPORT_KINDS } from '@tongke/contracts/import';
import messages from '../i18n/areas/import';

// Every message the import wizard asks for exists in zh-CN and English, with the same placeholders.

function flatten(node: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const zh = flatten(messages['zh-CN']);
const en = flatten(messages.en);
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Keys written literally as t('bulkImport.…') in the wizard's sources. */
function literalKeys(): string[] {
  const files = [
    ...readdirSync(__dirname)
      .filter((f) => /\.(ts|vue)$/.test(f) && !f.endsWith('.spec.ts'))
      .map((f) => join(__dirname, f)),
    ...readdirSync(join(__dirname, 'components')).map((f) => join(__dirname, 'components', f)),
    join(__dirname, '../pages/ImportPage.vue'),
  ];
  const keys = files.flatMap((f) =>
    [...readFileSync(f, 'utf8').matchAll(/\bt\('(bulkImport\.[\w.]+)'/g)].map((m) => m[1]),
  );
  return [...new Set(keys)];
}

describe('import wizard messages', () => {
  it('has the same keys and placeholders in both locales', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
    for (const [key, text] of zh) expect([key, placeholders(en.get(key) ?? '')]).toEqual([key, placeholders(text)]);
  });

  it('names every kind and status, and explains every column', () => {
    for (const kind of IMPORT_KINDS) {
      expect(zh.has(`bulkImport.kinds.${kind}`)).toBe(true);
      for (const c of IMPORT_COLUMNS[kind]) expect(zh.get(`bulkImport.hints.${kind}.${c.key}`)).toBeTruthy();
    }
    for (const s of ['validating', 'validated', 'committing', 'committed', 'failed']) {
      expect(zh.has(`bulkImport.statuses.${s}`)).toBe(true);
    }
  });

  it('has every key the sources use', () => {
    const used = literalKeys();
    expect(used.length).toBeGreaterThan(30);
    expect(used.filter((k) => !zh.has(k))).toEqual([]);
  });
});
