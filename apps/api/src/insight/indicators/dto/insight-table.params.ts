import { ApiProperty } from '@nestjs/swagger';
import { INSIGHT_TABLES, type InsightTable } from '@tongke/contracts';
import { IsIn } from 'class-validator';

/** The `:table` of GET /api/insight/export/:table. */
export class InsightTableParams {
  @ApiProperty({ enum: INSIGHT_TABLES })
  @IsIn(INSIGHT_TABLES, { message: `table must be one of ${INSIGHT_TABLES.join(', ')}` })
  table!: InsightTable;
}
