import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type CreateInstantLessonRequest, SUBJECTS, type Subject } from '@tongke/contracts';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsMongoId,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
} from 'class-validator';

/** POST /api/live-sessions: a teacher starts an instant lesson (即时课堂). */
export class CreateInstantLessonDto implements CreateInstantLessonRequest {
  @ApiProperty({ example: '四年级音乐：《大海啊故乡》', maxLength: 100 })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 100)
  title!: string;

  @ApiProperty({ enum: SUBJECTS, example: 'music' })
  @IsIn(SUBJECTS)
  subject!: Subject;

  @ApiProperty({ minimum: 1, maximum: 9, example: 4, description: 'Compulsory education grade' })
  @IsInt()
  @Min(1)
  @Max(9)
  grade!: number;

  @ApiProperty({ type: [String], description: "Receiving classrooms in the teacher's community", minItems: 1 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsMongoId({ each: true })
  classroomIds!: string[];

  @ApiPropertyOptional({ minimum: 5, maximum: 240, default: 40, description: 'Planned length in minutes' })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(240)
  durationMin?: number;

  @ApiPropertyOptional({ default: true, description: 'Record the lesson into the library' })
  @IsOptional()
  @IsBoolean()
  record?: boolean;

  @ApiPropertyOptional({ default: false, description: 'Open the lesson to view-only audiences (名校网络课堂)' })
  @IsOptional()
  @IsBoolean()
  broadcast?: boolean;
}
