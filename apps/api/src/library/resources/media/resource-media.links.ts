import { Injectable } from '@nestjs/common';
import { PlaybackTokenService } from '../../storage/playback-token.service';

/** Signed links to a resource's published files (scope `resource:<id>`). */
export interface SignedMediaBase {
  /** `/api/library/media/resource/<id>/<token>`: append `/hls/master.m3u8`, `/video.mp4`, ... */
  base: string;
  expiresAt: Date;
}

/** The scope a resource's media links are signed for. */
export const resourceScope = (resourceId: string): string => `resource:${resourceId}`;

/** Where media files are served (MediaFilesController), under the global /api prefix. */
export const MEDIA_ROUTE_PREFIX = '/api/library/media/resource';

/** Signs links to the files under `resources/<id>/` (players can't send the bearer token). */
@Injectable()
export class ResourceMediaLinks {
  constructor(private readonly tokens: PlaybackTokenService) {}

  sign(resourceId: string): SignedMediaBase {
    const { token, expiresAt } = this.tokens.sign(resourceScope(resourceId));
    return { base: `${MEDIA_ROUTE_PREFIX}/${resourceId}/${token}`, expiresAt };
  }

  /** Throws UNAUTHENTICATED unless the token opens this resource's files. */
  verify(resourceId: string, token: string): void {
    this.tokens.verify(resourceScope(resourceId), token);
  }
}
