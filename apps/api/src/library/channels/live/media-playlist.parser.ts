// Reads an HLS media playlist (RFC 8216) as the library's pipeline writes it: #EXTINF segments with
// relative URIs, optionally fMP4 with one #EXT-X-MAP. Anything the live channel could not re-serve
// safely (byte ranges, encryption, absolute or escaping URIs, a master playlist) is refused.

export interface MediaSegment {
  /** Relative to the playlist's directory. */
  uri: string;
  durationS: number;
}

export interface MediaPlaylist {
  segments: MediaSegment[];
  /** fMP4 initialisation section (relative URI), if any. */
  mapUri?: string;
  /** Sum of the segment durations. */
  totalS: number;
}

/** A relative path below the playlist's directory: no scheme, no leading slash, no `..`, no odd characters. */
const SAFE_URI = /^(?!.*\.\.)[A-Za-z0-9_-][A-Za-z0-9._/-]*$/;

export class MediaPlaylistError extends Error {}

export function parseMediaPlaylist(text: string): MediaPlaylist {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  if (lines[0] !== '#EXTM3U') throw new MediaPlaylistError('not an HLS playlist (no #EXTM3U)');
  const segments: MediaSegment[] = [];
  let mapUri: string | undefined;
  let pending: number | undefined;
  for (const line of lines.slice(1)) {
    if (!line) continue;
    if (line.startsWith('#')) {
      if (line.startsWith('#EXTINF:')) pending = durationOf(line);
      else if (line.startsWith('#EXT-X-MAP:')) mapUri = safeUri(attribute(line, 'URI'));
      else refuseUnsupported(line);
      continue;
    }
    if (pending === undefined) throw new MediaPlaylistError(`URI without #EXTINF: ${line}`);
    segments.push({ uri: safeUri(line), durationS: pending });
    pending = undefined;
  }
  if (segments.length === 0) throw new MediaPlaylistError('the playlist has no segments');
  const totalS = segments.reduce((sum, s) => sum + s.durationS, 0);
  return { segments, ...(mapUri && { mapUri }), totalS };
}

function durationOf(line: string): number {
  const value = Number(line.slice('#EXTINF:'.length).split(',')[0]);
  if (!Number.isFinite(value) || value <= 0) throw new MediaPlaylistError(`bad segment duration: ${line}`);
  return value;
}

function refuseUnsupported(line: string): void {
  if (line.startsWith('#EXT-X-STREAM-INF')) throw new MediaPlaylistError('a master playlist, not a media playlist');
  if (line.startsWith('#EXT-X-BYTERANGE')) throw new MediaPlaylistError('byte-range segments are not supported');
  if (line.startsWith('#EXT-X-KEY') && !line.includes('METHOD=NONE')) {
    throw new MediaPlaylistError('encrypted segments are not supported');
  }
}

function attribute(line: string, name: string): string {
  const m = new RegExp(`${name}="([^"]*)"`).exec(line);
  if (!m) throw new MediaPlaylistError(`missing ${name} in ${line}`);
  return m[1];
}

function safeUri(uri: string): string {
  if (!SAFE_URI.test(uri)) throw new MediaPlaylistError(`segment URI outside the playlist's directory: ${uri}`);
  return uri;
}
