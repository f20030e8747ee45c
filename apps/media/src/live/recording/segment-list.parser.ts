import type { RecordingSegment } from '@tongke/contracts';

const FILE_NAME = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * Reads the segment muxer's CSV list (`-segment_list x.csv -segment_list_type csv`): one line
 * `file,start,end` per closed segment, times in seconds of the take's media time. A line still
 * being written (no newline yet) is left for the next read.
 */
export class SegmentListParser {
  static parse(text: string): RecordingSegment[] {
    const complete = text.slice(0, text.lastIndexOf('\n') + 1);
    const segments: RecordingSegment[] = [];
    for (const raw of complete.split('\n')) {
      const segment = SegmentListParser.line(raw.trim());
      if (segment) segments.push(segment);
    }
    return segments;
  }

  private static line(line: string): RecordingSegment | undefined {
    if (!line) return undefined;
    const parts = line.split(',');
    if (parts.length !== 3) throw new Error(`not a segment list line: ${line.slice(0, 100)}`);
    const [file, start, end] = [parts[0].replace(/^"|"$/g, ''), Number(parts[1]), Number(parts[2])];
    if (!FILE_NAME.test(file)) throw new Error(`unexpected segment file name: ${file.slice(0, 100)}`);
    if (!Number.isFinite(start) || !Number.isFinite(end)) throw new Error(`bad segment times: ${line.slice(0, 100)}`);
    const startS = round(Math.max(0, start));
    return { file, startS, endS: round(Math.max(startS, end)) };
  }
}

const round = (s: number) => Math.round(s * 1000) / 1000;
