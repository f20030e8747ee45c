import channelMessages from '../../i18n/areas/channels';
import type { Exists, Translate } from '../channel-errors';

// A `t` over the channels area's real messages (vue-i18n's `{name}` interpolation), so specs
// check the wording users read.

function lookup(messages: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
}

export function translator(locale: 'zh-CN' | 'en'): { t: Translate; te: Exists } {
  const messages = channelMessages[locale];
  const t: Translate = (key, values = {}) => {
    const message = lookup(messages, key);
    if (typeof message !== 'string') throw new Error(`no message ${key}`);
    return message.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
  };
  const te: Exists = (key) => typeof lookup(messages, key) === 'string';
  return { t, te };
}
