import { ApiProperty } from '@nestjs/swagger';
import { IsMongoId } from 'class-validator';

/** GET /api/research/plans?groupId= */
export class PlanListQueryDto {
  @ApiProperty({ description: 'The research group whose plans to list (the caller must read it)' })
  @IsMongoId()
  groupId!: string;
}
