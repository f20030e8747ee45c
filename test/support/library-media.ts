import { execFileSync } from 'node:child_process';
import type { RecordingManifest, ResourceView } from '@tongke/contracts';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { apiLogin, call, eventually, lessonRecord } from './live-api';
import { testWorkDir } from './test-env';

/** The platform's storage root in the e2e run (the launcher's data dir + /storage). */
export const storageRoot = () => path.join(testWorkDir(), 'storage');

/** Waits for the lesson's recording to become a library resource, then for it to be ready. */
export async function recordedResource(
  sessionId: string,
  username: string,
  timeoutMs = 180_000,
): Promise<ResourceView> {
  const resourceId = await eventually(async () => {
    const id = (await lessonRecord(sessionId)).session.resourceId;
    if (!id) throw new Error(`lesson ${sessionId} has no resource yet`);
    return id;
  }, 30_000);
  const { accessToken } = await apiLogin(username);
  return eventually(
    async () => {
      const resource = await call<ResourceView>(`/api/library/resources/${resourceId}`, { token: accessToken });
      if (resource.status === 'failed') throw new Error(`processing failed: ${resource.processing.error}`);
      if (resource.status !== 'ready') throw new Error(`resource ${resourceId} is ${resource.processing.stage}`);
      return resource;
    },
    timeoutMs,
    1000,
  );
}

/** The lesson's recording manifest as the media node left it. */
export function recordingManifest(sessionId: string): RecordingManifest {
  return JSON.parse(
    readFileSync(path.join(storageRoot(), 'recordings', sessionId, 'manifest.json'), 'utf8'),
  ) as RecordingManifest;
}

/** RGB of the centre pixel (and the mean brightness) of the published video's frame at `atS` seconds. */
export function frameSample(resourceId: string, atS: number): { centre: [number, number, number]; mean: number } {
  const file = path.join(storageRoot(), 'resources', resourceId, 'video.mp4');
  const w = 32;
  const h = 18;
  const raw = execFileSync(
    'ffmpeg',
    [
      '-v',
      'error',
      '-ss',
      String(atS),
      '-i',
      file,
      '-frames:v',
      '1',
      '-vf',
      `scale=${w}:${h}`,
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgb24',
      '-',
    ],
    { maxBuffer: 1 << 20 },
  );
  const at = ((h / 2) * w + w / 2) * 3;
  const mean = raw.reduce((sum, v) => sum + v, 0) / raw.length;
  return { centre: [raw[at], raw[at + 1], raw[at + 2]], mean };
}

/** Seconds of the lesson a track's takes cover (sum of segment lengths). */
export function coveredSeconds(manifest: RecordingManifest, track: string): number {
  return manifest.takes
    .filter((t) => t.track === track)
    .flatMap((t) => t.segments)
    .reduce((sum, s) => sum + (s.endS - s.startS), 0);
}

/** SIGKILLs the lesson's recorder ffmpeg processes (found by their working directory); answers how many. */
export function killRecorders(sessionId: string): number {
  const marker = `${path.sep}recordings${path.sep}${sessionId}${path.sep}`;
  let killed = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cwd = readlinkSync(`/proc/${pid}/cwd`);
      const comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      if (comm !== 'ffmpeg' || !`${cwd}${path.sep}`.includes(marker)) continue;
      process.kill(Number(pid), 'SIGKILL');
      killed++;
    } catch {
      // the process ended meanwhile, or is not ours to inspect
    }
  }
  return killed;
}
