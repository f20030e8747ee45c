import { Controller, Delete, Head, Options, Patch, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Auth } from '../../auth/auth.decorator';
import { CurrentUser } from '../../auth/current-user.decorator';
import { ErrorBodyDto } from '../../auth/dto/error-body.dto';
import type { User } from '../../org/schemas/user.schema';
import { RESOURCE_ID_HEADER, TusUploadServer } from './tus/tus-upload.server';
import { UPLOADER_ROLES } from './upload-owner';

const TUS_RESUMABLE = { name: 'Tus-Resumable', required: true, description: '1.0.0' };

/**
 * Resumable video uploads (tus 1.0) into the library: each route hands the request to the tus
 * server (TusUploadServer), which answers it. Uploads are their uploader's alone.
 */
@ApiTags('library')
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'BAD_REQUEST (metadata, headers) / BAD_FILE (not a video)' })
@ApiNotFoundResponse({ type: ErrorBodyDto, description: 'no such upload (finished, cancelled or expired)' })
@Controller('library/uploads')
export class UploadsController {
  constructor(private readonly tus: TusUploadServer) {}

  @Post()
  @Auth(...UPLOADER_ROLES)
  @ApiOperation({
    summary: 'Start an upload (tus creation, optionally with its first bytes); Location is its URL',
    description: `Upload-Metadata: uploadMetadataSchema (title, subject, grade, filename, ...). An upload sent whole answers ${RESOURCE_ID_HEADER}.`,
  })
  @ApiHeader(TUS_RESUMABLE)
  @ApiHeader({ name: 'Upload-Length', required: true, description: 'bytes, ≤ the upload limit' })
  @ApiHeader({
    name: 'Upload-Metadata',
    required: true,
    description: 'tus metadata: `key base64(value)`, comma-separated',
  })
  @ApiConsumes('application/offset+octet-stream')
  @ApiCreatedResponse({ description: 'created; Location: /api/library/uploads/<uploadId>' })
  @ApiPayloadTooLargeResponse({ type: ErrorBodyDto, description: 'PAYLOAD_TOO_LARGE: over the upload limit' })
  create(@CurrentUser() user: User, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.tus.handle(req, res, user);
  }

  @Head(':uploadId')
  @Auth(...UPLOADER_ROLES)
  @ApiOperation({ summary: 'Where my upload stands (Upload-Offset), to resume it' })
  @ApiParam({ name: 'uploadId' })
  @ApiHeader(TUS_RESUMABLE)
  @ApiOkResponse({ description: 'Upload-Offset and Upload-Length headers' })
  status(@CurrentUser() user: User, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.tus.handle(req, res, user);
  }

  @Patch(':uploadId')
  @Auth(...UPLOADER_ROLES)
  @ApiOperation({
    summary: 'Send bytes of my upload from Upload-Offset',
    description: `The request completing the upload answers ${RESOURCE_ID_HEADER} (the resource, now processing), or 400 BAD_FILE if it is no readable video.`,
  })
  @ApiParam({ name: 'uploadId' })
  @ApiHeader(TUS_RESUMABLE)
  @ApiHeader({ name: 'Upload-Offset', required: true })
  @ApiConsumes('application/offset+octet-stream')
  @ApiNoContentResponse({ description: 'stored; Upload-Offset is the new offset' })
  @ApiPayloadTooLargeResponse({ type: ErrorBodyDto, description: 'more bytes than the Upload-Length' })
  append(@CurrentUser() user: User, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.tus.handle(req, res, user);
  }

  @Delete(':uploadId')
  @Auth(...UPLOADER_ROLES)
  @ApiOperation({ summary: 'Cancel my unfinished upload (tus termination)' })
  @ApiParam({ name: 'uploadId' })
  @ApiHeader(TUS_RESUMABLE)
  @ApiNoContentResponse()
  cancel(@CurrentUser() user: User, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.tus.handle(req, res, user);
  }

  @Options()
  @ApiOperation({ summary: "The tus server's version, extensions and size limit (no sign-in)" })
  capabilities(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.tus.handle(req, res);
  }

  @Options(':uploadId')
  @ApiParam({ name: 'uploadId' })
  @ApiOperation({ summary: "The tus server's version, extensions and size limit (no sign-in)" })
  uploadCapabilities(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.tus.handle(req, res);
  }
}
