import libraryMessages from '../../i18n/areas/library';
import type { Exists, Translate } from '../request-errors';

// A `t` over the library area's real messages (vue-i18n's `{name}` interpolation), so specs
// check the wording users read.

function lookup(messages: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
}

export function translator(locale: 'zh-CN' | 'en'): { t: Translate; te: Exists } {
  const messages = libraryMessages[locale];
  const t: Translate = (key, values = {}) => {
    const message = lookup(messages, key);
    if (typeof message !== 'string') throw new Error(`no message ${key}`);
    return message.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
  };
  const te: Exists = (key) => typeof lookup(messages, key) === 'string';
  return { t, te };
}
