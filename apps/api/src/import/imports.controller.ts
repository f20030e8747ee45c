import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { IMPORT_KINDS, IMPORT_LIMITS, type ImportJobView, Role } from '@tongke/contracts';
import type { Types } from 'mongoose';
import { Auth } from '../auth/auth.decorator';
import type { CommunityScope } from '../auth/community-scope';
import { ErrorBodyDto } from '../auth/dto/error-body.dto';
import { Scope } from '../auth/scope.decorator';
import { ParseObjectIdPipe } from '../common/pipes/parse-object-id.pipe';
import { ImportJobViewDto } from './dto/import-job-view.dto';
import { StartImportDto } from './dto/start-import.dto';
import type { UploadedImportFile } from './file/uploaded-import-file';
import { ImportsService } from './imports.service';
import { UploadTooLargeFilter } from './upload-too-large.filter';

/** multer keeps the upload in memory (no storage configured); UTF-8 file names (Chinese) are read as such. */
const UPLOAD = FileInterceptor('file', {
  limits: { fileSize: IMPORT_LIMITS.maxBytes, files: 1, fields: 10 },
  defParamCharset: 'utf8',
});

const UPLOAD_BODY = {
  schema: {
    type: 'object',
    required: ['file', 'kind'],
    properties: {
      file: {
        type: 'string',
        format: 'binary',
        description: `CSV (UTF-8 or GBK) or XLSX, ≤ ${IMPORT_LIMITS.maxBytes} bytes`,
      },
      kind: { type: 'string', enum: [...IMPORT_KINDS] },
    },
  },
};

@ApiTags('import')
@ApiParam({ name: 'communityId' })
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'BAD_FILE / BAD_REQUEST' })
@ApiNotFoundResponse({ type: ErrorBodyDto })
@Controller('communities/:communityId/imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post()
  @HttpCode(202)
  @Auth(Role.DISTRICT_ADMIN, Role.COMMUNITY_ADMIN)
  @UseInterceptors(UPLOAD)
  @UseFilters(UploadTooLargeFilter)
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  @ApiOperation({ summary: 'Upload a CSV/XLSX of schools, classrooms, class groups or teachers; the dry run starts' })
  @ApiAcceptedResponse({ type: ImportJobViewDto })
  start(
    @Scope() scope: CommunityScope,
    @UploadedFile() file: UploadedImportFile | undefined,
    @Body() dto: StartImportDto,
  ): Promise<ImportJobView> {
    return this.imports.start(scope, dto.kind, file);
  }

  @Get()
  @Auth(Role.DISTRICT_ADMIN, Role.COMMUNITY_ADMIN)
  @ApiOperation({ summary: "The community's recent imports, newest first" })
  @ApiOkResponse({ type: ImportJobViewDto, isArray: true })
  list(@Scope() scope: CommunityScope): Promise<ImportJobView[]> {
    return this.imports.list(scope);
  }

  @Get(':importId')
  @Auth(Role.DISTRICT_ADMIN, Role.COMMUNITY_ADMIN)
  @ApiOperation({
    summary: 'One import (poll while validating/committing); teachers’ passwords on the first read after commit',
  })
  @ApiOkResponse({ type: ImportJobViewDto })
  get(
    @Scope() scope: CommunityScope,
    @Param('importId', ParseObjectIdPipe) id: Types.ObjectId,
  ): Promise<ImportJobView> {
    return this.imports.get(scope, id);
  }

  @Post(':importId/commit')
  @HttpCode(202)
  @Auth(Role.DISTRICT_ADMIN, Role.COMMUNITY_ADMIN)
  @ApiOperation({ summary: 'Commit a dry run without problems: all rows or none' })
  @ApiAcceptedResponse({ type: ImportJobViewDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'not validated, or the file has problems' })
  commit(
    @Scope() scope: CommunityScope,
    @Param('importId', ParseObjectIdPipe) id: Types.ObjectId,
  ): Promise<ImportJobView> {
    return this.imports.commit(scope, id);
  }
}
