import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { StoragePaths } from '../../storage/storage-paths';
import { MediaPlaylistError, type MediaPlaylist, parseMediaPlaylist } from './media-playlist.parser';

const CACHE_MAX = 500;

interface Cached {
  mtimeMs: number;
  size: number;
  playlist: MediaPlaylist;
}

/**
 * Reads a published resource's rendition playlist (`resources/<id>/hls/<height>p/index.m3u8`),
 * parsed and kept in memory: every live playlist request of every channel asks again, and a
 * published playlist only changes if the resource is processed again (checked by mtime and size).
 */
@Injectable()
export class HlsRenditionReader {
  private readonly logger = new Logger(HlsRenditionReader.name);
  private readonly cache = new Map<string, Cached>();

  constructor(private readonly paths: StoragePaths) {}

  /** The parsed rendition playlist, or null if it is missing or unusable (logged). */
  async read(resourceId: string, height: number): Promise<MediaPlaylist | null> {
    const file = path.join(this.paths.resourceDir(resourceId), 'hls', `${height}p`, 'index.m3u8');
    try {
      const info = await stat(file);
      const hit = this.cache.get(file);
      if (hit && hit.mtimeMs === info.mtimeMs && hit.size === info.size) return hit.playlist;
      const playlist = parseMediaPlaylist(await readFile(file, 'utf8'));
      if (this.cache.size >= CACHE_MAX) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(file, { mtimeMs: info.mtimeMs, size: info.size, playlist });
      return playlist;
    } catch (err) {
      const reason =
        err instanceof MediaPlaylistError ? err.message : ((err as NodeJS.ErrnoException).code ?? String(err));
      this.logger.warn(`resource ${resourceId} ${height}p can't be rebroadcast: ${reason}`);
      return null;
    }
  }
}
