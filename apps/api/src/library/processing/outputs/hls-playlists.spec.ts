import { masterPlaylist, measureBandwidth, parseMediaPlaylist } from './hls-playlists';

describe('HLS playlists', () => {
  it('reads the segments of a media playlist', () => {
    const text = [
      '#EXTM3U',
      '#EXT-X-VERSION:3',
      '#EXT-X-TARGETDURATION:4',
      '#EXTINF:4.000000,',
      'seg-00000.ts',
      '#EXTINF:4.000000,',
      'seg-00001.ts',
      '#EXTINF:1.520000,',
      'seg-00002.ts',
      '#EXT-X-ENDLIST',
      '',
    ].join('\n');
    expect(parseMediaPlaylist(text)).toEqual([
      { uri: 'seg-00000.ts', durationS: 4 },
      { uri: 'seg-00001.ts', durationS: 4 },
      { uri: 'seg-00002.ts', durationS: 1.52 },
    ]);
  });

  it('measures peak and average bitrate, ignoring a short last segment for the peak', () => {
    const measured = measureBandwidth([
      { uri: 'a', durationS: 4, bytes: 500_000 },
      { uri: 'b', durationS: 4, bytes: 1_000_000 },
      { uri: 'c', durationS: 0.2, bytes: 100_000 },
    ]);
    expect(measured).toEqual({ bandwidth: 2_000_000, averageBandwidth: Math.ceil((1_600_000 * 8) / 8.2) });
    expect(measureBandwidth([{ uri: 'only', durationS: 0.5, bytes: 1000 }])).toEqual({
      bandwidth: 16_000,
      averageBandwidth: 16_000,
    });
  });

  it('lists the renditions tallest first in the master playlist', () => {
    const v = (height: number, bandwidth: number) => ({
      uri: `${height}p/index.m3u8`,
      width: (height * 16) / 9,
      height,
      bandwidth,
      averageBandwidth: bandwidth / 2,
      codecs: 'avc1.4d401f,mp4a.40.2',
    });
    expect(masterPlaylist([v(360, 800_000), v(720, 2_000_000)])).toBe(
      [
        '#EXTM3U',
        '#EXT-X-VERSION:3',
        '#EXT-X-INDEPENDENT-SEGMENTS',
        '#EXT-X-STREAM-INF:BANDWIDTH=2000000,AVERAGE-BANDWIDTH=1000000,RESOLUTION=1280x720,CODECS="avc1.4d401f,mp4a.40.2"',
        '720p/index.m3u8',
        '#EXT-X-STREAM-INF:BANDWIDTH=800000,AVERAGE-BANDWIDTH=400000,RESOLUTION=640x360,CODECS="avc1.4d401f,mp4a.40.2"',
        '360p/index.m3u8',
        '',
      ].join('\n'),
    );
  });
});
