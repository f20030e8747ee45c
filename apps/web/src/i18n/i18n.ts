import { createI18n } from 'vue-i18n';
import en from './en';
import zhCN from './zh-CN';

export type Locale = 'zh-CN' | 'en';

/** A page area's messages (`areas/<area>.ts`, default export), merged under their top-level keys. */
export type AreaMessages = Record<Locale, Record<string, unknown>>;
const areas = Object.values(import.meta.glob<{ default: AreaMessages }>('./areas/*.ts', { eager: true }));

function withAreas<T extends object>(locale: Locale, base: T): T {
  return Object.assign({}, base, ...areas.map((a) => a.default[locale])) as T;
}
const STORAGE_KEY = 'tongke.locale';

function initialLocale(): Locale {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
}

/** zh-CN first; English on request, remembered in the browser. */
export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': withAreas('zh-CN', zhCN), en: withAreas('en', en) },
});

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
}
