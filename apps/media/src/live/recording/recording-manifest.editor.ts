import {
  recordingManifestSchema,
  recordingSegmentSchema,
  recordingTakeSchema,
  type ManifestTake,
  type RecordingManifest,
  type RecordingSegment,
} from '@tongke/contracts';

/**
 * The recording's manifest in memory (the contract in libs/contracts/src/library/recording-manifest.ts)
 * and its updates: takes open and end, segments are appended as they close, the recording ends.
 * Every update keeps it valid; `snapshot()` is what gets written.
 */
export class RecordingManifestEditor {
  private readonly manifest: RecordingManifest;

  constructor(manifest: RecordingManifest) {
    this.manifest = recordingManifestSchema.parse(manifest);
  }

  /** A new recording, or one carried on from an earlier manifest of the same lesson (a media node restart). */
  static begin(sessionId: string, segmentS: number, at: Date, earlier?: unknown): RecordingManifestEditor {
    const previous = recordingManifestSchema.safeParse(earlier);
    if (previous.success && previous.data.sessionId === sessionId) {
      const editor = new RecordingManifestEditor({ ...previous.data, endedAt: undefined, segmentS });
      // Takes left open by a node that went away ended with their last listed segment.
      for (const take of editor.manifest.takes.filter((t) => t.end === 'open')) {
        const lastS = take.segments.at(-1)?.endS ?? 0;
        editor.endTake(take.id, 'crashed', new Date(Date.parse(take.startedAt) + lastS * 1000));
      }
      return editor;
    }
    return new RecordingManifestEditor({ version: 1, sessionId, startedAt: at.toISOString(), segmentS, takes: [] });
  }

  get takes(): readonly ManifestTake[] {
    return this.manifest.takes;
  }

  get ended(): boolean {
    return this.manifest.endedAt !== undefined;
  }

  addTake(take: Omit<ManifestTake, 'end' | 'segments' | 'endedAt'>): void {
    if (this.manifest.takes.some((t) => t.id === take.id)) throw new Error(`take ${take.id} exists`);
    const valid = recordingTakeSchema.parse({ ...take, end: 'open', segments: [] });
    this.manifest.takes.push({ ...valid, track: take.track });
  }

  /** Sets when the take's media time 0 was (once its first packet went out). */
  setTakeStart(takeId: string, at: Date): void {
    this.take(takeId).startedAt = at.toISOString();
  }

  /** Appends the take's segments not yet listed (by file name); answers how many were new. */
  addSegments(takeId: string, segments: RecordingSegment[]): number {
    const take = this.take(takeId);
    const known = new Set(take.segments.map((s) => s.file));
    const fresh = segments.filter((s) => !known.has(s.file)).map((s) => recordingSegmentSchema.parse(s));
    take.segments.push(...fresh);
    return fresh.length;
  }

  endTake(takeId: string, end: 'stopped' | 'crashed', at: Date): void {
    const take = this.take(takeId);
    if (take.end !== 'open') return;
    take.end = end;
    take.endedAt = new Date(Math.max(at.getTime(), Date.parse(take.startedAt))).toISOString();
  }

  /** Drops a take that never recorded anything (no packet reached ffmpeg): nothing to compose. */
  dropEmptyTake(takeId: string): boolean {
    const take = this.take(takeId);
    if (take.segments.length > 0) return false;
    this.manifest.takes.splice(this.manifest.takes.indexOf(take), 1);
    return true;
  }

  /** The recording is over: every take still open is stopped now. */
  finish(at: Date): void {
    for (const take of this.manifest.takes) this.endTake(take.id, 'stopped', at);
    this.manifest.endedAt = at.toISOString();
  }

  /** A validated deep copy, as written to manifest.json. */
  snapshot(): RecordingManifest {
    return recordingManifestSchema.parse(JSON.parse(JSON.stringify(this.manifest)));
  }

  private take(takeId: string): ManifestTake {
    const take = this.manifest.takes.find((t) => t.id === takeId);
    if (!take) throw new Error(`no take ${takeId} in the manifest`);
    return take;
  }
}
