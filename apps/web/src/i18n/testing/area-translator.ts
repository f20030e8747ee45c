// A `t` (and `te`) over one i18n area's real messages with vue-i18n's `{name}` interpolation, so
// specs check the wording users read. Each area's testing/translate.ts binds it to its messages.

export type AreaTranslate = (key: string, values?: Record<string, unknown>) => string;
export type AreaExists = (key: string) => boolean;

function lookup(messages: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
}

export function areaTranslator(messages: unknown): { t: AreaTranslate; te: AreaExists } {
  const t: AreaTranslate = (key, values = {}) => {
    const message = lookup(messages, key);
    if (typeof message !== 'string') throw new Error(`no message ${key}`);
    return message.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
  };
  const te: AreaExists = (key) => typeof lookup(messages, key) === 'string';
  return { t, te };
}
