import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Response } from 'express';
import type { Types } from 'mongoose';
import { contentDisposition } from '../../../live/content-disposition';
import { ResourceRepository } from '../resource.repository';
import { downloadFilename } from './download-filename';
import { ResourceFilesStore } from './resource-files.store';
import { ResourceMediaLinks } from './resource-media.links';

/** Content types of the files the pipeline publishes (anything else is not served). */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  m3u8: 'application/vnd.apple.mpegurl',
  ts: 'video/mp2t',
  m4s: 'video/iso.segment',
  mp4: 'video/mp4',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  vtt: 'text/vtt; charset=utf-8',
};

/** The files a player fetches repeatedly: kept briefly (the link's token is in the URL anyway). */
const MAX_AGE_S = 3600;

export interface MediaFileRequest {
  resourceId: Types.ObjectId;
  token: string;
  /** Path segments under `resources/<id>/`. */
  path: string[];
  /** `?download=1` on video.mp4: answered as an attachment named after the resource. */
  download: boolean;
}

/**
 * Serves a resource's published files (HLS playlists and segments, the MP4, poster and
 * thumbnails) to players, on a signed link instead of the bearer token (see ResourceMediaLinks).
 */
@Injectable()
export class MediaFilesService {
  constructor(
    private readonly links: ResourceMediaLinks,
    private readonly files: ResourceFilesStore,
    private readonly resources: ResourceRepository,
  ) {}

  async serve(req: MediaFileRequest, res: Response): Promise<void> {
    const id = req.resourceId.toHexString();
    this.links.verify(id, req.token);
    const file = await this.files.find(id, req.path);
    const contentType = CONTENT_TYPES[file.ext];
    if (!contentType) throw new AppError(ErrorCode.NOT_FOUND, `no file ${req.path.join('/')}`);
    const disposition = req.download && req.path.join('/') === 'video.mp4' ? await this.attachment(req) : undefined;
    await this.files.send(res, file, { contentType, maxAgeS: MAX_AGE_S, ...(disposition && { disposition }) });
  }

  private async attachment(req: MediaFileRequest): Promise<string> {
    const resource = await this.resources.findByIdForService(req.resourceId);
    if (!resource) throw new AppError(ErrorCode.NOT_FOUND, `no resource ${req.resourceId.toHexString()}`);
    return contentDisposition(downloadFilename(resource.title));
  }
}
