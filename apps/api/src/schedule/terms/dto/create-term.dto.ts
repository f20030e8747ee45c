import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type CreateTermRequest, ORG_LIMITS, SCHEDULE_LIMITS } from '@tongke/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, Length, ValidateNested } from 'class-validator';
import { IsCalendarDate, Optional, Trim } from '../../../org/shared/dto.decorators';
import { HolidayDto } from './holiday.dto';
import { MakeupDayDto } from './makeup-day.dto';

export class CreateTermDto implements CreateTermRequest {
  @ApiProperty({ example: '2026—2027 学年第一学期', maxLength: ORG_LIMITS.nameMax })
  @Trim()
  @IsString()
  @Length(1, ORG_LIMITS.nameMax)
  name!: string;

  @ApiProperty({ example: '2026-09-01', format: 'date' })
  @IsCalendarDate()
  startsOn!: string;

  @ApiProperty({ example: '2027-01-22', format: 'date' })
  @IsCalendarDate()
  endsOn!: string;

  @ApiPropertyOptional({ type: [HolidayDto], maxItems: SCHEDULE_LIMITS.holidaysMax })
  @Optional()
  @IsArray()
  @ArrayMaxSize(SCHEDULE_LIMITS.holidaysMax)
  @ValidateNested({ each: true })
  @Type(() => HolidayDto)
  holidays?: HolidayDto[];

  @ApiPropertyOptional({ type: [MakeupDayDto], maxItems: SCHEDULE_LIMITS.holidaysMax })
  @Optional()
  @IsArray()
  @ArrayMaxSize(SCHEDULE_LIMITS.holidaysMax)
  @ValidateNested({ each: true })
  @Type(() => MakeupDayDto)
  makeupDays?: MakeupDayDto[];
}
