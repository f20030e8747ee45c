import { LivePlaylistBuilder, type LiveProgramme } from './live-playlist.builder';
import type { MediaPlaylist } from './media-playlist.parser';

const G = 4; // segment length and grid (s)
const T0 = Date.UTC(2026, 2, 2, 11, 0, 0); // 19:00 in Shanghai, on the grid
const BASE = T0 / (G * 1000);

/** A resource of `count` 4 s segments, the last `lastS` long. */
function playlist(name: string, count: number, lastS = G, mapUri?: string): MediaPlaylist {
  const segments = Array.from({ length: count }, (_, i) => ({
    uri: `${name}${i}.ts`,
    durationS: i === count - 1 ? lastS : G,
  }));
  return { segments, totalS: segments.reduce((s, x) => s + x.durationS, 0), ...(mapUri && { mapUri }) };
}

function programme(
  startMs: number,
  media: MediaPlaylist | undefined,
  ordinal: number,
  lengthMs?: number,
): LiveProgramme {
  return {
    startsAt: new Date(startMs),
    endsAt: new Date(startMs + (lengthMs ?? (media?.totalS ?? 10) * 1000)),
    ordinal,
    ...(media && { media: { playlist: media, uriBase: `/m/${ordinal}/` } }),
  };
}

const A = () => programme(T0, playlist('a', 6, 0.5), 7); // 20.5 s: slots T0 .. T0+24 s
const B = (startMs = T0 + 24_000) => programme(startMs, playlist('b', 3, 2), 8); // 10 s

function builderAt(nowMs: number, windowSegments = 5): LivePlaylistBuilder {
  return new LivePlaylistBuilder({ segmentS: G, windowSegments }, () => nowMs);
}

interface Parsed {
  sequence: number;
  discontinuitySequence: number;
  target: number;
  segments: { msn: number; cc: number; uri: string; duration: number; pdt?: string }[];
  ended: boolean;
  text: string;
}

/** Reads back a built playlist as a player would (media sequence and cc of each segment). */
function parse(text: string): Parsed {
  const lines = text.trim().split('\n');
  const tag = (name: string) => Number(lines.find((l) => l.startsWith(`${name}:`))?.split(':')[1]);
  const out: Parsed = {
    sequence: tag('#EXT-X-MEDIA-SEQUENCE'),
    discontinuitySequence: tag('#EXT-X-DISCONTINUITY-SEQUENCE'),
    target: tag('#EXT-X-TARGETDURATION'),
    segments: [],
    ended: lines.includes('#EXT-X-ENDLIST'),
    text,
  };
  let cc = out.discontinuitySequence;
  let duration = 0;
  let pdt: string | undefined;
  for (const line of lines) {
    if (line === '#EXT-X-DISCONTINUITY') cc++;
    else if (line.startsWith('#EXT-X-PROGRAM-DATE-TIME:')) pdt = line.slice('#EXT-X-PROGRAM-DATE-TIME:'.length);
    else if (line.startsWith('#EXTINF:')) duration = Number(line.slice(8).split(',')[0]);
    else if (!line.startsWith('#')) {
      out.segments.push({ msn: out.sequence + out.segments.length, cc, uri: line, duration, ...(pdt && { pdt }) });
      pdt = undefined;
    }
  }
  return out;
}

describe(LivePlaylistBuilder.name, () => {
  it('starts a programme with its first segment, numbered from its start on the grid', () => {
    const p = parse(builderAt(T0 + 1000).build([A()])!);
    expect(p.sequence).toBe(BASE);
    expect(p.discontinuitySequence).toBe(7);
    expect(p.target).toBe(G);
    expect(p.ended).toBe(false);
    expect(p.segments).toEqual([{ msn: BASE, cc: 7, uri: '/m/7/a0.ts', duration: 4, pdt: new Date(T0).toISOString() }]);
    expect(p.text).toMatch(/^#EXTM3U\n#EXT-X-VERSION:3\n/);
  });

  it('slides a window of the last segments that have started, up to the live edge', () => {
    const p = parse(builderAt(T0 + 13_000, 3).build([A()])!);
    expect(p.segments.map((s) => s.uri)).toEqual(['/m/7/a1.ts', '/m/7/a2.ts', '/m/7/a3.ts']);
    expect(p.sequence).toBe(BASE + 1);
    expect(p.segments[0].pdt).toBe(new Date(T0 + 4000).toISOString());
    expect(p.text).not.toContain('#EXT-X-DISCONTINUITY\n');
  });

  it('ends the stream with #EXT-X-ENDLIST when the last segment has started and nothing follows', () => {
    const p = parse(builderAt(T0 + 20_100).build([A()])!);
    expect(p.segments.map((s) => s.uri)).toEqual([
      '/m/7/a1.ts',
      '/m/7/a2.ts',
      '/m/7/a3.ts',
      '/m/7/a4.ts',
      '/m/7/a5.ts',
    ]);
    expect(p.segments.at(-1)?.duration).toBe(0.5);
    expect(p.ended).toBe(true);
  });

  it('is off air once the programme is over, before it starts, and with no programme', () => {
    expect(builderAt(T0 + 20_500).build([A()])).toBeNull();
    expect(builderAt(T0 - 1).build([A()])).toBeNull();
    expect(builderAt(T0).build([])).toBeNull();
  });

  it('runs into the next programme across a boundary with a discontinuity', () => {
    const atB = parse(builderAt(T0 + 25_000).build([A(), B()])!);
    expect(atB.segments.map((s) => [s.uri, s.msn, s.cc])).toEqual([
      ['/m/7/a2.ts', BASE + 2, 7],
      ['/m/7/a3.ts', BASE + 3, 7],
      ['/m/7/a4.ts', BASE + 4, 7],
      ['/m/7/a5.ts', BASE + 5, 7],
      ['/m/8/b0.ts', BASE + 6, 8],
    ]);
    expect(atB.text).toContain('/m/7/a5.ts\n#EXT-X-DISCONTINUITY\n#EXT-X-PROGRAM-DATE-TIME:');
    expect(atB.segments.at(-1)?.pdt).toBe(new Date(T0 + 24_000).toISOString());
    expect(atB.ended).toBe(false);
  });

  it('keeps the stream open between a programme and the next one on the following grid slot', () => {
    const lastOfA = parse(builderAt(T0 + 20_100).build([A(), B()])!);
    expect(lastOfA.ended).toBe(false);
    const inGap = parse(builderAt(T0 + 22_000).build([A(), B()])!);
    expect(inGap.segments.at(-1)?.uri).toBe('/m/7/a5.ts');
    expect(inGap.ended).toBe(false);
  });

  it('drops the previous programme from the window when the next one starts after a gap', () => {
    const later = B(T0 + 60_000);
    expect(builderAt(T0 + 30_000).build([A(), later])).toBeNull();
    const p = parse(builderAt(T0 + 61_000).build([A(), later])!);
    expect(p.segments.map((s) => s.uri)).toEqual(['/m/8/b0.ts']);
    expect(p.sequence).toBe(BASE + 15);
    expect(p.discontinuitySequence).toBe(8);
  });

  it('numbers segments and discontinuities monotonically and consistently over time', () => {
    const programmes = [
      A(),
      B(),
      programme(T0 + 36_000, playlist('c', 4, 1), 9),
      programme(T0 + 120_000, playlist('d', 3, 2), 10),
    ];
    const msnOf = new Map<string, number>();
    const ccOf = new Map<number, number>();
    let lastSequence = -Infinity;
    let lastDiscontinuity = -Infinity;
    let seen = 0;
    for (let now = T0 - 5000; now < T0 + 140_000; now += 500) {
      const text = builderAt(now).build(programmes);
      if (!text) continue;
      const p = parse(text);
      seen++;
      expect(p.sequence).toBeGreaterThanOrEqual(lastSequence);
      expect(p.discontinuitySequence).toBeGreaterThanOrEqual(lastDiscontinuity);
      lastSequence = p.sequence;
      lastDiscontinuity = p.discontinuitySequence;
      for (const s of p.segments) {
        expect(msnOf.get(s.uri) ?? s.msn).toBe(s.msn);
        expect(ccOf.get(s.msn) ?? s.cc).toBe(s.cc);
        msnOf.set(s.uri, s.msn);
        ccOf.set(s.msn, s.cc);
      }
    }
    expect(seen).toBeGreaterThan(100);
    // Every segment of every programme was announced once, each with its own number.
    expect(msnOf.size).toBe(6 + 3 + 4 + 3);
    expect(new Set(msnOf.values()).size).toBe(msnOf.size);
  });

  it('skips a programme that cannot be played (off air meanwhile)', () => {
    const broken = programme(T0, undefined, 7, 20_000);
    expect(builderAt(T0 + 5000).build([broken])).toBeNull();
  });

  it('never lists segments past the programme end, even if the media runs longer', () => {
    const long = programme(T0, playlist('a', 10), 7, 9_000); // 40 s of media in a 9 s slot
    const p = parse(builderAt(T0 + 8_500).build([long])!);
    expect(p.segments.map((s) => s.uri)).toEqual(['/m/7/a0.ts', '/m/7/a1.ts', '/m/7/a2.ts']);
    expect(p.ended).toBe(true);
    expect(builderAt(T0 + 9_000).build([long])).toBeNull();
  });

  it('repeats the fMP4 initialisation section after a discontinuity', () => {
    const fa = programme(T0, playlist('a', 2, 2, 'init.mp4'), 1);
    const fb = programme(T0 + 8000, playlist('b', 2, 4, 'init.mp4'), 2);
    const text = builderAt(T0 + 9000).build([fa, fb])!;
    expect(text).toContain('#EXT-X-VERSION:6');
    expect(text.match(/#EXT-X-MAP:URI="[^"]+"/g)).toEqual([
      '#EXT-X-MAP:URI="/m/1/init.mp4"',
      '#EXT-X-MAP:URI="/m/2/init.mp4"',
    ]);
    expect(text.indexOf('#EXT-X-DISCONTINUITY\n#EXT-X-MAP:URI="/m/2/init.mp4"')).toBeGreaterThan(0);
  });
});
