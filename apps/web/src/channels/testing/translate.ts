import channelMessages from '../../i18n/areas/channels';
import { areaTranslator } from '../../i18n/testing/area-translator';
import type { Exists, Translate } from '../channel-errors';

/** `t`/`te` over the channels area's real messages (for specs). */
export function translator(locale: 'zh-CN' | 'en'): { t: Translate; te: Exists } {
  return areaTranslator(channelMessages[locale]);
}
