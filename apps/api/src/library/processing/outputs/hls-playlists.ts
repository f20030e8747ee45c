/** One segment of an HLS media playlist: its URI and length. */
export interface MediaSegment {
  uri: string;
  durationS: number;
}

/** A rendition of the master playlist. */
export interface Variant {
  uri: string;
  width: number;
  height: number;
  /** Peak and average bits per second, measured from the segments. */
  bandwidth: number;
  averageBandwidth: number;
  codecs: string;
}

/** The segments of a media playlist (EXTINF + URI pairs). */
export function parseMediaPlaylist(text: string): MediaSegment[] {
  const segments: MediaSegment[] = [];
  let pending: number | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const inf = /^#EXTINF:([\d.]+)/.exec(line);
    if (inf) pending = Number(inf[1]);
    else if (line && !line.startsWith('#') && pending !== undefined) {
      segments.push({ uri: line, durationS: pending });
      pending = undefined;
    }
  }
  return segments;
}

/**
 * Peak and average bitrate of a rendition from its segments' sizes. The peak skips a short last
 * segment (its few bytes over a fraction of a second would overstate it).
 */
export function measureBandwidth(segments: (MediaSegment & { bytes: number })[]): {
  bandwidth: number;
  averageBandwidth: number;
} {
  const total = segments.reduce((s, x) => s + x.durationS, 0);
  const bytes = segments.reduce((s, x) => s + x.bytes, 0);
  const averageBandwidth = total > 0 ? Math.ceil((bytes * 8) / total) : 0;
  const full = segments.filter((s, i) => s.durationS >= 1 || (i === 0 && segments.length === 1));
  const peak = Math.max(0, ...full.map((s) => Math.ceil((s.bytes * 8) / s.durationS)));
  return { bandwidth: Math.max(peak, averageBandwidth), averageBandwidth };
}

/** The master playlist listing the renditions, tallest first. */
export function masterPlaylist(variants: Variant[]): string {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-INDEPENDENT-SEGMENTS'];
  for (const v of [...variants].sort((a, b) => b.height - a.height)) {
    lines.push(
      `#EXT-X-STREAM-INF:BANDWIDTH=${v.bandwidth},AVERAGE-BANDWIDTH=${v.averageBandwidth},` +
        `RESOLUTION=${v.width}x${v.height},CODECS="${v.codecs}"`,
      v.uri,
    );
  }
  return `${lines.join('\n')}\n`;
}
