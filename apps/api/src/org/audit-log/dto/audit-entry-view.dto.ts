import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AuditEntryView } from '@tongke/contracts';

class AuditActorDto {
  @ApiProperty()
  id!: string;

  @ApiProperty({ example: '联盟管理员 王芳' })
  name!: string;
}

class AuditTargetDto {
  @ApiProperty({ example: 'school' })
  type!: string;

  @ApiProperty()
  id!: string;

  @ApiPropertyOptional({ example: '汤河乡中心小学' })
  name?: string;
}

export class AuditEntryViewDto implements AuditEntryView {
  @ApiProperty()
  id!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ type: AuditActorDto })
  actor!: AuditActorDto;

  @ApiProperty({ example: 'school.update', description: '`noun.verb`' })
  action!: string;

  @ApiProperty({ type: AuditTargetDto })
  target!: AuditTargetDto;

  @ApiPropertyOptional({ type: [String], example: ['name', 'studentCount'], description: 'Changed field names' })
  changes?: string[];
}
