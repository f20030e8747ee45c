import type { ManifestTake, RecordingManifest } from '@tongke/contracts';
import { chunkName, chunksDurationS, chunkWindow, timeshiftPlaylist, timeshiftTimeline } from './timeshift-timeline';

const START = new Date('2026-09-08T02:00:00.000Z');
const at = (s: number) => new Date(START.getTime() + s * 1000);

function take(
  id: string,
  offsetS: number,
  closed: number,
  end: ManifestTake['end'] = 'open',
): RecordingManifest['takes'][number] {
  return {
    id,
    track: 'lead-av',
    dir: id,
    startedAt: at(offsetS).toISOString(),
    end,
    hasAudio: true,
    hasVideo: true,
    segments: Array.from({ length: closed }, (_, i) => ({ file: `seg-${i}.mkv`, startS: i * 6, endS: i * 6 + 6 })),
  };
}

const manifest = (takes: RecordingManifest['takes'], endedAtS?: number): RecordingManifest => ({
  version: 1,
  sessionId: 'a'.repeat(24),
  startedAt: START.toISOString(),
  ...(endedAtS !== undefined && { endedAt: at(endedAtS).toISOString() }),
  segmentS: 6,
  takes,
});

describe(timeshiftTimeline.name, () => {
  it('makes chunks ready as far as every take still recording has closed segments', () => {
    // Camera: 4 closed segments (0–24 s); screen started at 10 s with one closed (10–16 s).
    const m = manifest([take('cam', 0, 4), { ...take('screen', 10, 1), track: 'lead-screen' }]);
    expect(timeshiftTimeline(m, at(60))).toMatchObject({ readyChunks: 4, ended: false }); // 16 s → 4 chunks
  });

  it('does not run ahead of the clock while nothing is recording', () => {
    const m = manifest([take('cam', 0, 2, 'crashed')]);
    expect(timeshiftTimeline(m, at(30)).readyChunks).toBe(4); // 30 − 2×6 = 18 s
    expect(timeshiftTimeline(m, at(5)).readyChunks).toBe(0);
  });

  it('counts a take that just started and closed nothing as a limit at its start', () => {
    const m = manifest([take('cam', 0, 5, 'crashed'), take('cam-2', 31, 0)]);
    expect(timeshiftTimeline(m, at(40)).readyChunks).toBe(7); // 31 s
  });

  it('covers the whole recording once it ended, with a shorter last chunk', () => {
    const ended = timeshiftTimeline(manifest([take('cam', 0, 4, 'stopped')], 22), at(23));
    expect(ended).toMatchObject({ ended: true, readyChunks: 6, lastChunkS: 2 });
    expect(chunkWindow(ended, 5)).toEqual({ fromS: 20, toS: 22 });
    expect(chunksDurationS(ended, 6)).toBe(22);
    const even = timeshiftTimeline(manifest([], 20.2), at(30));
    expect(even).toMatchObject({ readyChunks: 5, lastChunkS: 4 });
  });
});

describe(timeshiftPlaylist.name, () => {
  it('lists the composed chunks of a lesson in progress, without an end', () => {
    const timeline = timeshiftTimeline(manifest([take('cam', 0, 4)]), at(60));
    expect(timeshiftPlaylist(timeline, 2)).toBe(
      [
        '#EXTM3U',
        '#EXT-X-VERSION:3',
        '#EXT-X-PLAYLIST-TYPE:EVENT',
        '#EXT-X-TARGETDURATION:4',
        '#EXT-X-MEDIA-SEQUENCE:0',
        '#EXT-X-INDEPENDENT-SEGMENTS',
        '#EXT-X-PROGRAM-DATE-TIME:2026-09-08T02:00:00.000Z',
        '#EXTINF:4.000,',
        'chunk-00000.ts',
        '#EXTINF:4.000,',
        'chunk-00001.ts',
        '',
      ].join('\n'),
    );
  });

  it('ends the playlist once the recording ended and every chunk is composed', () => {
    const timeline = timeshiftTimeline(manifest([take('cam', 0, 4, 'stopped')], 22), at(23));
    expect(timeshiftPlaylist(timeline, 5)).not.toContain('ENDLIST');
    const full = timeshiftPlaylist(timeline, 6);
    expect(full).toContain('#EXTINF:2.000,\nchunk-00005.ts\n#EXT-X-ENDLIST\n');
    expect(chunkName(12)).toBe('chunk-00012.ts');
  });
});
