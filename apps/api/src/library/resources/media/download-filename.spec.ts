import { downloadFilename } from './download-filename';

describe(downloadFilename.name, () => {
  it('names the MP4 after the title', () => {
    expect(downloadFilename('四年级音乐《草原放牧》')).toBe('四年级音乐《草原放牧》.mp4');
  });

  it('drops separators, control and reserved characters', () => {
    expect(downloadFilename('../a/b\\c:d*e?"f"<g>|h\u0000i')).toBe('a b c d e f g h i.mp4');
    expect(downloadFilename('..')).toBe('video.mp4');
    expect(downloadFilename('   ')).toBe('video.mp4');
  });

  it('keeps at most 80 characters of the title', () => {
    expect(downloadFilename('音'.repeat(200))).toBe(`${'音'.repeat(80)}.mp4`);
  });
});
