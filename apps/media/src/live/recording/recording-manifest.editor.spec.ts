import { recordingManifestSchema } from '@tongke/contracts';
import { RecordingManifestEditor } from './recording-manifest.editor';

const SID = '65a1b2c3d4e5f60718293a4b';
const T0 = new Date('2026-03-02T08:00:00.000Z');
const at = (s: number) => new Date(T0.getTime() + s * 1000);
const take = (id: string, track: 'lead-av' | 'lead-screen' | 'stage-av', startS: number) => ({
  id,
  track,
  dir: id,
  startedAt: at(startS).toISOString(),
  hasAudio: track !== 'lead-screen',
  hasVideo: true,
  videoCodec: 'VP8' as const,
});

describe(RecordingManifestEditor.name, () => {
  it('opens takes, appends new segments once, ends takes and the recording; always valid', () => {
    const m = RecordingManifestEditor.begin(SID, 6, T0);
    m.addTake(take('lead-av-0001', 'lead-av', 0.2));
    m.setTakeStart('lead-av-0001', at(0.5));
    const first = [{ file: 'seg-00000.mkv', startS: 0, endS: 6.1 }];
    expect(m.addSegments('lead-av-0001', first)).toBe(1);
    expect(m.addSegments('lead-av-0001', [...first, { file: 'seg-00001.mkv', startS: 6.1, endS: 12 }])).toBe(1);
    m.addTake(take('lead-screen-0002', 'lead-screen', 3));
    m.endTake('lead-screen-0002', 'stopped', at(9));
    m.endTake('lead-screen-0002', 'crashed', at(10)); // an ended take stays as it ended
    m.finish(at(13));
    const out = m.snapshot();
    expect(recordingManifestSchema.parse(out)).toEqual(out);
    expect(out).toMatchObject({
      version: 1,
      sessionId: SID,
      startedAt: T0.toISOString(),
      endedAt: at(13).toISOString(),
    });
    expect(out.takes.map((t) => [t.id, t.startedAt, t.endedAt, t.end, t.segments.length])).toEqual([
      ['lead-av-0001', at(0.5).toISOString(), at(13).toISOString(), 'stopped', 2],
      ['lead-screen-0002', at(3).toISOString(), at(9).toISOString(), 'stopped', 0],
    ]);
  });

  it('drops a take that recorded nothing, not one with segments', () => {
    const m = RecordingManifestEditor.begin(SID, 6, T0);
    m.addTake(take('lead-av-0001', 'lead-av', 0));
    m.addTake(take('lead-screen-0002', 'lead-screen', 1));
    m.addSegments('lead-av-0001', [{ file: 'seg-00000.mkv', startS: 0, endS: 6 }]);
    expect(m.dropEmptyTake('lead-av-0001')).toBe(false);
    expect(m.dropEmptyTake('lead-screen-0002')).toBe(true);
    expect(m.snapshot().takes.map((t) => t.id)).toEqual(['lead-av-0001']);
  });

  it('never ends a take before it started', () => {
    const m = RecordingManifestEditor.begin(SID, 6, T0);
    m.addTake(take('lead-av-0001', 'lead-av', 2));
    m.endTake('lead-av-0001', 'crashed', at(1));
    expect(m.snapshot().takes[0]).toMatchObject({ end: 'crashed', endedAt: at(2).toISOString() });
  });

  it('carries on an earlier manifest of the lesson: its open takes ended with their last segment', () => {
    const earlier = RecordingManifestEditor.begin(SID, 6, T0);
    earlier.addTake(take('lead-av-0001', 'lead-av', 1));
    earlier.addSegments('lead-av-0001', [{ file: 'seg-00000.mkv', startS: 0, endS: 6 }]);
    const resumed = RecordingManifestEditor.begin(SID, 4, at(60), earlier.snapshot());
    const out = resumed.snapshot();
    expect(out.startedAt).toBe(T0.toISOString());
    expect(out.segmentS).toBe(4);
    expect(out.takes[0]).toMatchObject({ end: 'crashed', endedAt: at(7).toISOString() });
    expect(RecordingManifestEditor.begin(SID, 6, at(60), { nonsense: true }).snapshot().takes).toEqual([]);
    const other = RecordingManifestEditor.begin('75a1b2c3d4e5f60718293a4b', 6, T0, earlier.snapshot());
    expect(other.snapshot().takes).toEqual([]);
  });

  it('refuses unknown or duplicate takes and invalid content', () => {
    const m = RecordingManifestEditor.begin(SID, 6, T0);
    m.addTake(take('lead-av-0001', 'lead-av', 0));
    expect(() => m.addTake(take('lead-av-0001', 'lead-av', 0))).toThrow('exists');
    expect(() => m.setTakeStart('nope', T0)).toThrow('no take nope');
    expect(() => m.addSegments('lead-av-0001', [{ file: '../escape.mkv', startS: 0, endS: 1 }])).toThrow();
    expect(() => m.addTake({ ...take('x/../y', 'lead-av', 0) })).toThrow();
    expect(m.snapshot().takes.map((t) => t.segments)).toEqual([[]]);
    expect(() => RecordingManifestEditor.begin('not-an-id', 6, T0)).toThrow();
  });
});
