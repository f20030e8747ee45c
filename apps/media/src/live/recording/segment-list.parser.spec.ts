import { SegmentListParser } from './segment-list.parser';

describe(SegmentListParser.name, () => {
  it('reads closed segments, rounded to the millisecond', () => {
    const text = 'seg-00000.mkv,0.000000,2.134000\nseg-00001.mkv,2.133000,4.2675\n';
    expect(SegmentListParser.parse(text)).toEqual([
      { file: 'seg-00000.mkv', startS: 0, endS: 2.134 },
      { file: 'seg-00001.mkv', startS: 2.133, endS: 4.268 },
    ]);
  });

  it('leaves a line still being written for the next read', () => {
    expect(SegmentListParser.parse('seg-00000.mkv,0.000000,2.000000\nseg-00001.mkv,2.0')).toEqual([
      { file: 'seg-00000.mkv', startS: 0, endS: 2 },
    ]);
    expect(SegmentListParser.parse('')).toEqual([]);
  });

  it('clamps negative starts and ends before their start', () => {
    expect(SegmentListParser.parse('"seg-00000.mkv",-0.020000,-0.010000\r\n')).toEqual([
      { file: 'seg-00000.mkv', startS: 0, endS: 0 },
    ]);
  });

  it('refuses lines that are not a segment list', () => {
    expect(() => SegmentListParser.parse('seg-00000.mkv,0\n')).toThrow('not a segment list line');
    expect(() => SegmentListParser.parse('../x.mkv,0,1\n')).toThrow('unexpected segment file name');
    expect(() => SegmentListParser.parse('seg.mkv,a,1\n')).toThrow('bad segment times');
  });
});
