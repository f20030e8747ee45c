import timetableMessages from '../../i18n/areas/timetable';
import { areaTranslator } from '../../i18n/testing/area-translator';
import type { Translate } from '../conflict-text';

/** `t` over the timetable area's real messages (for specs). */
export function translator(locale: 'zh-CN' | 'en'): Translate {
  return areaTranslator(timetableMessages[locale]).t;
}
