import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IMPORT_KINDS, type ImportJobView, type ImportKind, type ImportStatus } from '@tongke/contracts';
import { IMPORT_STATUSES } from '../persistence/import-job.schema';

class ImportProgressDto {
  @ApiProperty({ example: 1200 })
  done!: number;

  @ApiProperty({ example: 5000 })
  total!: number;
}

class ImportRowErrorDto {
  @ApiProperty({ example: 7, description: 'Row number as the spreadsheet shows it (the header is row 1)' })
  row!: number;

  @ApiPropertyOptional({ example: '学段', description: 'The column header as written in the file' })
  column?: string;

  @ApiProperty({ example: '"高中" is not one of 小学, 初中 or 九年一贯制' })
  reason!: string;
}

class ImportCredentialDto {
  @ApiProperty({ example: 'wang.lei' })
  username!: string;

  @ApiProperty({ example: 'h7Kq3mPz9tWx' })
  password!: string;
}

export class ImportJobViewDto implements ImportJobView {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  communityId!: string;

  @ApiProperty({ enum: IMPORT_KINDS })
  kind!: ImportKind;

  @ApiProperty({ example: '乡村学校教室.xlsx' })
  fileName!: string;

  @ApiProperty({ enum: IMPORT_STATUSES })
  status!: ImportStatus;

  @ApiProperty({ type: ImportProgressDto, description: 'Rows done in the current phase (dry run, then commit)' })
  progress!: ImportProgressDto;

  @ApiProperty({ description: 'Data rows in the file' })
  rows!: number;

  @ApiProperty({ type: [ImportRowErrorDto], description: 'Every bad row; commit is refused while non-empty' })
  errors!: ImportRowErrorDto[];

  @ApiPropertyOptional({ description: 'After the commit: records created' })
  created?: number;

  @ApiPropertyOptional({
    type: [ImportCredentialDto],
    description: 'Teachers, after the commit: initial passwords, on the first read only',
  })
  credentials?: ImportCredentialDto[];

  @ApiPropertyOptional({ description: 'Why the job failed (nothing was kept)' })
  failure?: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}
