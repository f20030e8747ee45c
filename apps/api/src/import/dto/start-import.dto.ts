import { ApiProperty } from '@nestjs/swagger';
import { IMPORT_KINDS, type ImportKind, type StartImportRequest } from '@tongke/contracts';
import { IsIn } from 'class-validator';

/** The multipart form's text field (the file itself arrives as `file`). */
export class StartImportDto implements StartImportRequest {
  @ApiProperty({ enum: IMPORT_KINDS, description: 'What the file holds' })
  @IsIn(IMPORT_KINDS)
  kind!: ImportKind;
}
