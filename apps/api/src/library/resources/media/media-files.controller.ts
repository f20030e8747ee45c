import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPartialContentResponse,
  ApiProduces,
  ApiQuery,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Types } from 'mongoose';
import { ErrorBodyDto } from '../../../auth/dto/error-body.dto';
import { ParseObjectIdPipe } from '../../../common/pipes/parse-object-id.pipe';
import { MediaFilesService } from './media-files.service';

/**
 * A resource's published files for players (hls.js, <video>, <img>, download links): no bearer
 * token, the signed token in the path opens them (see GET /api/library/resources/:id/playback).
 */
@ApiTags('library')
@Controller('library/media/resource')
export class MediaFilesController {
  constructor(private readonly media: MediaFilesService) {}

  @Get(':id/:token/*path')
  @ApiOperation({ summary: 'A published file: hls/master.m3u8, hls/<h>p/*.ts, video.mp4 (HTTP ranges), poster.jpg' })
  @ApiParam({ name: 'path', description: 'File under the resource directory, e.g. hls/720p/index.m3u8' })
  @ApiQuery({ name: 'download', required: false, description: '1: video.mp4 as an attachment named after the title' })
  @ApiProduces('application/vnd.apple.mpegurl', 'video/mp2t', 'video/mp4', 'image/jpeg')
  @ApiOkResponse({ description: 'The file' })
  @ApiPartialContentResponse({ description: 'The requested byte range' })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'A path that could leave the directory' })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'Invalid or expired link' })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  file(
    @Param('id', ParseObjectIdPipe) resourceId: Types.ObjectId,
    @Param('token') token: string,
    @Param('path') path: string[] | string,
    @Query('download') download: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    return this.media.serve({ resourceId, token, path: [path].flat(), download: download === '1' }, res);
  }
}
