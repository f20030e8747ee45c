import timetableMessages from '../../i18n/areas/timetable';
import type { Translate } from '../conflict-text';

// A `t` over the timetable area's real messages (vue-i18n's `{name}` interpolation), so
// specs check the wording users read.

function lookup(messages: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
}

export function translator(locale: 'zh-CN' | 'en'): Translate {
  return (key, values = {}) => {
    const message = lookup(timetableMessages[locale], key);
    if (typeof message !== 'string') throw new Error(`no message ${key}`);
    return message.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
  };
}
