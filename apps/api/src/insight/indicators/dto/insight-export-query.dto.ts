import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  BALANCE_INDICATOR_IDS,
  type BalanceIndicator,
  INSIGHT_EXPORT_FORMATS,
  type InsightExportFormat,
} from '@tongke/contracts';
import { IsIn } from 'class-validator';
import { Optional } from '../../../org/shared/dto.decorators';
import { InsightQueryDto } from './insight-query.dto';

export const INSIGHT_EXPORT_LANGS = ['zh-CN', 'en'] as const;
export type InsightExportLang = (typeof INSIGHT_EXPORT_LANGS)[number];

/** GET /api/insight/export/:table — the table's query, the file format and the language. */
export class InsightExportQueryDto extends InsightQueryDto {
  @ApiPropertyOptional({ enum: INSIGHT_EXPORT_FORMATS, default: 'csv' })
  @Optional()
  @IsIn(INSIGHT_EXPORT_FORMATS, { message: `format must be one of ${INSIGHT_EXPORT_FORMATS.join(', ')}` })
  format?: InsightExportFormat;

  @ApiPropertyOptional({
    enum: INSIGHT_EXPORT_LANGS,
    default: 'zh-CN',
    description: 'Language of the header row and of the words in cells (kinds, yes/no, …)',
  })
  @Optional()
  @IsIn(INSIGHT_EXPORT_LANGS, { message: `lang must be one of ${INSIGHT_EXPORT_LANGS.join(', ')}` })
  lang?: InsightExportLang;

  @ApiPropertyOptional({ enum: BALANCE_INDICATOR_IDS, description: 'Needed for the balance table' })
  @Optional()
  @IsIn(BALANCE_INDICATOR_IDS, { message: `indicator must be one of ${BALANCE_INDICATOR_IDS.join(', ')}` })
  indicator?: BalanceIndicator;
}
