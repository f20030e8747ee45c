import libraryMessages from '../../i18n/areas/library';
import { areaTranslator } from '../../i18n/testing/area-translator';
import type { Exists, Translate } from '../request-errors';

/** `t`/`te` over the library area's real messages (for specs). */
export function translator(locale: 'zh-CN' | 'en'): { t: Translate; te: Exists } {
  return areaTranslator(libraryMessages[locale]);
}
