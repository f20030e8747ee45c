import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { OpenSegmentSalvager } from './open-segment.salvager';

const run = promisify(execFile);
const tools = { ffmpegPath: 'ffmpeg', ffprobePath: 'ffprobe' };
const listed = [{ file: 'seg-00000.mkv', startS: 0, endS: 6.007 }];

/** Writes 4 s of VP8 + Opus as the take's segment muxer would (clusters every half second). */
async function writeSegment(file: string): Promise<void> {
  const args = ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=320x180:rate=25:duration=4'];
  args.push('-f', 'lavfi', '-i', 'sine=frequency=440:duration=4', '-c:v', 'libvpx', '-deadline', 'realtime');
  args.push('-c:a', 'libopus', '-b:a', '48k', '-cluster_time_limit', '500', '-f', 'matroska', file);
  await run('ffmpeg', args);
}

describe(OpenSegmentSalvager.name, () => {
  let dir: string;
  const salvager = new OpenSegmentSalvager(tools);

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'tongke-salvage-'));
    writeFileSync(path.join(dir, 'seg-00000.mkv'), 'closed segment (not touched)');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps a cut-off open segment: remuxed whole, listed after the last closed one', async () => {
    const open = path.join(dir, 'seg-00001.mkv');
    await writeSegment(open);
    truncateSync(open, Math.floor(statSync(open).size * 0.6)); // killed mid-write: no cues, half a cluster
    const segment = await salvager.salvage(dir, listed);
    expect(segment?.file).toBe('seg-00001.mkv');
    expect(segment?.startS).toBe(6.007);
    const keptS = (segment?.endS ?? 0) - 6.007;
    expect(keptS).toBeGreaterThan(1);
    expect(keptS).toBeLessThan(4);
    const { stdout } = await run('ffprobe', [
      '-v',
      'error',
      '-show_entries',
      'format=duration',
      '-of',
      'csv=p=0',
      open,
    ]);
    expect(Math.abs(Number(stdout) - keptS)).toBeLessThan(0.05);
    expect(readdirSync(dir).sort()).toEqual(['seg-00000.mkv', 'seg-00001.mkv']);
  });

  it('removes an empty or unreadable open segment and keeps nothing of it', async () => {
    writeFileSync(path.join(dir, 'seg-00001.mkv'), '');
    expect(await salvager.salvage(dir, listed)).toBeUndefined();
    writeFileSync(path.join(dir, 'seg-00002.mkv'), 'not matroska');
    expect(await salvager.salvage(dir, listed)).toBeUndefined();
    expect(readdirSync(dir)).toEqual(['seg-00000.mkv']);
  });

  it('answers nothing when every segment file was listed, or the take wrote none', async () => {
    expect(await salvager.salvage(dir, listed)).toBeUndefined();
    expect(await salvager.salvage(path.join(dir, 'missing'), [])).toBeUndefined();
  });
});
