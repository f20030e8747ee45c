import { StorageConfig } from '@tongke/config';
import type { RecordingManifest } from '@tongke/contracts';
import { StoragePaths } from '../../storage/storage-paths';
import { RecordingManifestReader } from './recording-manifest.reader';
import { recordedDurationS } from './recording-timeline';

const SESSION = 'ab'.repeat(12);
const DIR = `/store/recordings/${SESSION}`;

function manifest(over: Partial<RecordingManifest['takes'][number]> = {}, endedAt?: string): RecordingManifest {
  return {
    version: 1,
    sessionId: SESSION,
    startedAt: '2026-09-08T02:00:00.000Z',
    ...(endedAt && { endedAt }),
    segmentS: 6,
    takes: [
      {
        id: 'cam-2',
        track: 'lead-av',
        dir: 'lead/cam-2',
        startedAt: '2026-09-08T02:00:15.250Z',
        end: 'crashed',
        hasAudio: true,
        hasVideo: true,
        segments: [
          { file: 'seg-00000.mkv', startS: 0, endS: 6 },
          { file: 'seg-00001.mkv', startS: 6, endS: 9.5 },
        ],
        ...over,
      },
    ],
  };
}

describe(RecordingManifestReader.name, () => {
  const reader = new RecordingManifestReader(new StoragePaths(new StorageConfig('/store')));

  it('places takes on the lesson timeline with segment paths inside their take', () => {
    expect(reader.planTakes({ manifest: manifest(), dir: DIR })).toEqual([
      {
        id: 'cam-2',
        track: 'lead-av',
        offsetS: 15.25,
        hasAudio: true,
        hasVideo: true,
        segments: [
          { path: `${DIR}/lead/cam-2/seg-00000.mkv`, startS: 0, endS: 6 },
          { path: `${DIR}/lead/cam-2/seg-00001.mkv`, startS: 6, endS: 9.5 },
        ],
      },
    ]);
  });

  it('refuses a segment named to leave its take', () => {
    const escaping = manifest({ segments: [{ file: '..', startS: 0, endS: 6 }] });
    expect(() => reader.planTakes({ manifest: escaping, dir: DIR })).toThrow(
      'recording file lead/cam-2/.. is outside its recording',
    );
  });

  it('measures a finished recording from its start to its end, else to its last closed segment', () => {
    expect(recordedDurationS(manifest({}, '2026-09-08T02:00:20.000Z'))).toBe(20);
    expect(recordedDurationS(manifest())).toBe(24.75);
  });
});
