import { MediaPlaylistError, parseMediaPlaylist } from './media-playlist.parser';

const FFMPEG_TS = `#EXTM3U
#EXT-X-VERSION:3
#EXT-X-TARGETDURATION:4
#EXT-X-MEDIA-SEQUENCE:0
#EXT-X-PLAYLIST-TYPE:VOD
#EXTINF:4.000000,
seg_000.ts
#EXTINF:4.000000,
seg_001.ts
#EXTINF:1.480000,
seg_002.ts
#EXT-X-ENDLIST
`;

describe(parseMediaPlaylist.name, () => {
  it('reads the segments and their durations of an ffmpeg VOD playlist', () => {
    const p = parseMediaPlaylist(FFMPEG_TS);
    expect(p.segments).toEqual([
      { uri: 'seg_000.ts', durationS: 4 },
      { uri: 'seg_001.ts', durationS: 4 },
      { uri: 'seg_002.ts', durationS: 1.48 },
    ]);
    expect(p.totalS).toBeCloseTo(9.48);
    expect(p.mapUri).toBeUndefined();
  });

  it('reads an fMP4 initialisation section and CRLF line ends', () => {
    const text = '#EXTM3U\r\n#EXT-X-MAP:URI="init.mp4"\r\n#EXTINF:4,\r\nseg0.m4s\r\n';
    expect(parseMediaPlaylist(text)).toEqual({
      segments: [{ uri: 'seg0.m4s', durationS: 4 }],
      mapUri: 'init.mp4',
      totalS: 4,
    });
  });

  it.each([
    ['not a playlist', 'hello', /no #EXTM3U/],
    ['a master playlist', '#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\n360p/index.m3u8\n', /master playlist/],
    ['no segments', '#EXTM3U\n#EXT-X-ENDLIST\n', /no segments/],
    ['a URI without duration', '#EXTM3U\nseg0.ts\n', /without #EXTINF/],
    ['a bad duration', '#EXTM3U\n#EXTINF:abc,\nseg0.ts\n', /bad segment duration/],
    ['an escaping URI', '#EXTM3U\n#EXTINF:4,\n../../secret.ts\n', /outside/],
    ['an absolute URL', '#EXTM3U\n#EXTINF:4,\nhttp://evil/seg.ts\n', /outside/],
    ['an absolute path', '#EXTM3U\n#EXTINF:4,\n/etc/passwd\n', /outside/],
    ['byte ranges', '#EXTM3U\n#EXT-X-BYTERANGE:100@0\n#EXTINF:4,\nall.ts\n', /byte-range/],
    ['encryption', '#EXTM3U\n#EXT-X-KEY:METHOD=AES-128,URI="k"\n#EXTINF:4,\ns.ts\n', /encrypted/],
  ])('refuses %s', (_name, text, message) => {
    expect(() => parseMediaPlaylist(text)).toThrow(MediaPlaylistError);
    expect(() => parseMediaPlaylist(text)).toThrow(message);
  });
});
