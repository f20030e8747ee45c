import type { MediaPlaylist, MediaSegment } from './media-playlist.parser';

// The live stream of a rebroadcast channel, computed from the clock and the programme: no
// transcoding, no copy. Each programme's segments keep their own files (the resource's HLS
// rendition); the playlist only places them in time.
//
// Numbering. Programmes start on a grid of `segmentS` seconds since the epoch, so a programme's
// i-th segment gets media sequence number floor(startsAt / segmentS) + i: stable across reloads,
// increasing with time, and a programme that starts on the grid slot after the previous one ends
// continues its numbering exactly (the previous has ceil(duration / segmentS) segments), so a
// window can hold both with an #EXT-X-DISCONTINUITY between them. A programme's discontinuity
// number is its position in the channel's programme (`ordinal`), which the caller computes.

/** One programme of the channel around now. */
export interface LiveProgramme {
  /** On the grid (a whole multiple of segmentS since the epoch). */
  startsAt: Date;
  endsAt: Date;
  /** How many entries of the channel start before it. */
  ordinal: number;
  /** What it plays; unset when it can't be played (skipped: the channel is off air meanwhile). */
  media?: { playlist: MediaPlaylist; uriBase: string };
}

export interface LiveWindowOptions {
  /** The grid and nominal segment length (LibraryConfig.hlsSegmentS). */
  segmentS: number;
  /** Segments in the sliding window. */
  windowSegments: number;
}

/** Milliseconds since the epoch. */
export type Clock = () => number;

interface Placed {
  msn: number;
  programme: LiveProgramme;
  segment: MediaSegment;
  startMs: number;
  /** Last segment of its programme. */
  last: boolean;
}

export class LivePlaylistBuilder {
  constructor(
    private readonly options: LiveWindowOptions,
    private readonly clock: Clock = Date.now,
  ) {}

  /** How far back and ahead of now the programmes given to `build` must reach. */
  get reachMs(): { backMs: number; aheadMs: number } {
    const g = this.options.segmentS * 1000;
    return { backMs: (this.options.windowSegments + 2) * g, aheadMs: 3 * g };
  }

  /**
   * The live media playlist now, or null when the channel is off air. `programmes`: sorted by
   * start, every programme overlapping [now - reachMs.backMs, now + reachMs.aheadMs].
   */
  build(programmes: readonly LiveProgramme[]): string | null {
    const now = this.clock();
    const placed = this.place(programmes);
    let edge = -1;
    while (edge + 1 < placed.length && placed[edge + 1].startMs <= now) edge++;
    if (edge < 0) return null;
    const live = placed[edge];
    const following = placed[edge + 1];
    const continues = following !== undefined && adjacent(live, following);
    if (now >= live.programme.endsAt.getTime() && !continues) return null;
    const window = this.windowEndingAt(placed, edge);
    return render(window, this.targetDuration(window), live.last && !continues);
  }

  /** Every playable segment of the programmes, with its number and start; clipped to the programme's time. */
  private place(programmes: readonly LiveProgramme[]): Placed[] {
    const gridMs = this.options.segmentS * 1000;
    const out: Placed[] = [];
    for (const programme of programmes) {
      if (!programme.media) continue;
      const startMs = programme.startsAt.getTime();
      const lengthMs = programme.endsAt.getTime() - startMs;
      // Never more segments than grid slots: numbers stay clear of the next programme's.
      const slots = Math.ceil(lengthMs / gridMs);
      const base = Math.floor(startMs / gridMs);
      const kept: Placed[] = [];
      let offsetMs = 0;
      for (const segment of programme.media.playlist.segments) {
        if (kept.length >= slots || offsetMs >= lengthMs) break;
        kept.push({ msn: base + kept.length, programme, segment, startMs: startMs + offsetMs, last: false });
        offsetMs += segment.durationS * 1000;
      }
      if (kept.length) kept[kept.length - 1].last = true;
      out.push(...kept);
    }
    return out;
  }

  /** Up to windowSegments segments ending at `edge`, as far back as the numbering runs on unbroken. */
  private windowEndingAt(placed: Placed[], edge: number): Placed[] {
    let first = edge;
    while (
      edge - first + 1 < this.options.windowSegments &&
      first > 0 &&
      (placed[first - 1].programme === placed[first].programme || adjacent(placed[first - 1], placed[first]))
    ) {
      first--;
    }
    return placed.slice(first, edge + 1);
  }

  private targetDuration(window: Placed[]): number {
    const longest = Math.max(...window.map((p) => Math.round(p.segment.durationS)));
    return Math.max(Math.ceil(this.options.segmentS), longest);
  }
}

/** `b` is the first segment of the programme right after `a`'s, numbered on from it. */
function adjacent(a: Placed, b: Placed): boolean {
  return a.last && b.msn === a.msn + 1 && b.programme.ordinal === a.programme.ordinal + 1;
}

function render(window: Placed[], targetDuration: number, ended: boolean): string {
  const hasMap = window.some((p) => p.programme.media?.playlist.mapUri);
  const lines = [
    '#EXTM3U',
    `#EXT-X-VERSION:${hasMap ? 6 : 3}`,
    `#EXT-X-TARGETDURATION:${targetDuration}`,
    `#EXT-X-MEDIA-SEQUENCE:${window[0].msn}`,
    `#EXT-X-DISCONTINUITY-SEQUENCE:${window[0].programme.ordinal}`,
  ];
  window.forEach((p, i) => {
    const media = p.programme.media!;
    const starts = i === 0 || window[i - 1].programme !== p.programme;
    if (starts) {
      if (i > 0) lines.push('#EXT-X-DISCONTINUITY');
      if (media.playlist.mapUri) lines.push(`#EXT-X-MAP:URI="${media.uriBase}${media.playlist.mapUri}"`);
      lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(p.startMs).toISOString()}`);
    }
    lines.push(`#EXTINF:${p.segment.durationS.toFixed(3)},`, `${media.uriBase}${p.segment.uri}`);
  });
  if (ended) lines.push('#EXT-X-ENDLIST');
  return `${lines.join('\n')}\n`;
}
