import { ApiProperty } from '@nestjs/swagger';
import { type Holiday, ORG_LIMITS } from '@tongke/contracts';
import { IsString, Length } from 'class-validator';
import { IsCalendarDate, Trim } from '../../../org/shared/dto.decorators';

export class HolidayDto implements Holiday {
  @ApiProperty({ example: '国庆节', maxLength: ORG_LIMITS.nameMax })
  @Trim()
  @IsString()
  @Length(1, ORG_LIMITS.nameMax)
  name!: string;

  @ApiProperty({ example: '2026-10-01', format: 'date' })
  @IsCalendarDate()
  startsOn!: string;

  @ApiProperty({ example: '2026-10-07', format: 'date' })
  @IsCalendarDate()
  endsOn!: string;
}
