import { describe, expect, it, jest } from '@jest/globals';
import { baseCompile } from '@intlify/message-compiler';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import en from './en';
import type { AreaMessages } from './i18n';
import zhCN from './zh-CN';

// Every UI message must compile with vue-i18n's message compiler: a stray `@` (linked message),
// `|` (plural) or unbalanced brace throws at runtime only when the message is first shown, which
// blanks the page. Plain text needs `{'@'}` for those characters. (Runs in Node: reads the areas
// folder, so vue-tsc, which has no Node types, leaves this file out.)

/** [key path, message] for every string in a message tree. */
function strings(tree: unknown, prefix: string): [string, string][] {
  if (typeof tree === 'string') return [[prefix, tree]];
  if (!tree || typeof tree !== 'object') return [];
  return Object.entries(tree).flatMap(([k, v]) => strings(v, prefix ? `${prefix}.${k}` : k));
}

function compileErrors(messages: [string, string][]): string[] {
  const errors: string[] = [];
  for (const [key, message] of messages) {
    baseCompile(message, { onError: (err) => errors.push(`${key}: ${err.message} in ${JSON.stringify(message)}`) });
  }
  return errors;
}

const areaDir = path.join(__dirname, 'areas');
const areas = readdirSync(areaDir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => [f, jest.requireActual<{ default: AreaMessages }>(path.join(areaDir, f)).default] as const);

describe('UI messages', () => {
  it('the base locales compile', () => {
    expect(compileErrors([...strings(zhCN, 'zh-CN'), ...strings(en, 'en')])).toEqual([]);
  });

  it.each(areas)('area %s compiles in both locales', (_file, messages) => {
    expect(compileErrors([...strings(messages['zh-CN'], 'zh-CN'), ...strings(messages.en, 'en')])).toEqual([]);
  });
});
