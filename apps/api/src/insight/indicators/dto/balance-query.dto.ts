import { ApiProperty } from '@nestjs/swagger';
import { BALANCE_INDICATOR_IDS, type BalanceIndicator, type BalanceQuery } from '@tongke/contracts';
import { IsIn } from 'class-validator';
import { InsightQueryDto } from './insight-query.dto';

/** GET /api/insight/balance — the range, the scope and the indicator whose balance to compute. */
export class BalanceQueryDto extends InsightQueryDto implements BalanceQuery {
  @ApiProperty({ enum: BALANCE_INDICATOR_IDS, example: 'received_hours' })
  @IsIn(BALANCE_INDICATOR_IDS, { message: `indicator must be one of ${BALANCE_INDICATOR_IDS.join(', ')}` })
  indicator!: BalanceIndicator;
}
