import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROCESSING_STAGES, type ProcessingStage, type ProcessingView } from '@tongke/contracts';

export class ProcessingViewDto implements ProcessingView {
  @ApiProperty({ enum: PROCESSING_STAGES })
  stage!: ProcessingStage;

  @ApiProperty({ minimum: 0, maximum: 1, description: 'Over the whole pipeline' })
  progress!: number;

  @ApiProperty({ description: 'Attempts made so far' })
  attempts!: number;

  @ApiPropertyOptional({ description: 'Why the last attempt failed' })
  error?: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}
