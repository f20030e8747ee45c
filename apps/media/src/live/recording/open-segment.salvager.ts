import { execFile } from 'node:child_process';
import { readdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { RecordingSegment } from '@tongke/contracts';

const run = promisify(execFile);
/** The segment muxer's file names (`seg-%05d.mkv`). */
const SEGMENT_FILE = /^seg-\d{5}\.mkv$/;
/** A remux or probe of one segment (a few seconds of copied media) that takes longer is given up. */
const TOOL_TIMEOUT_MS = 20_000;

export interface SalvageTools {
  ffmpegPath: string;
  ffprobePath: string;
}

/**
 * Keeps what a killed ffmpeg had written of its open segment. The segment muxer lists a segment
 * only once it is closed, so a crash would lose everything since the last cut (up to a segment and a
 * keyframe interval). The take's Matroska segments are written cluster by cluster and flushed
 * (`cluster_time_limit`, `flush_packets`), so the open file holds all but the last half second: it is
 * remuxed into a whole file (the killed one has no cues or duration) and listed after the last
 * closed segment, whose end is where it starts (segments are cut back to back).
 */
export class OpenSegmentSalvager {
  constructor(private readonly tools: SalvageTools) {}

  /**
   * The segment salvaged from `dir`, or undefined when there is none worth keeping (an empty or
   * unreadable file is removed). `listed` are the segments ffmpeg closed; never rejects.
   */
  async salvage(dir: string, listed: readonly RecordingSegment[]): Promise<RecordingSegment | undefined> {
    const file = await this.openFile(dir, listed);
    if (!file) return undefined;
    const full = path.join(dir, file);
    try {
      if ((await stat(full)).size === 0) throw new Error('empty');
      const tmp = `${full}.salvage.mkv`;
      await run(this.tools.ffmpegPath, ['-v', 'error', '-y', '-i', full, '-map', '0', '-c', 'copy', tmp], {
        timeout: TOOL_TIMEOUT_MS,
      });
      await rename(tmp, full);
      const durationS = await this.duration(full);
      if (!(durationS > 0)) throw new Error(`no media (duration ${durationS})`);
      const startS = listed.at(-1)?.endS ?? 0;
      return { file, startS, endS: round(startS + durationS) };
    } catch {
      await unlink(full).catch(() => undefined);
      await unlink(`${full}.salvage.mkv`).catch(() => undefined);
      return undefined;
    }
  }

  /** The newest segment file that ffmpeg had not listed yet (the one open at the crash). */
  private async openFile(dir: string, listed: readonly RecordingSegment[]): Promise<string | undefined> {
    const known = new Set(listed.map((s) => s.file));
    const names = await readdir(dir).catch(() => [] as string[]);
    const last = listed.at(-1)?.file ?? '';
    return names
      .filter((n) => SEGMENT_FILE.test(n) && !known.has(n) && n > last)
      .sort()
      .at(-1);
  }

  private async duration(file: string): Promise<number> {
    const args = ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file];
    const { stdout } = await run(this.tools.ffprobePath, args, { timeout: TOOL_TIMEOUT_MS });
    return Number(stdout.trim());
  }
}

const round = (s: number) => Math.round(s * 1000) / 1000;
