import path from 'node:path';
import { Logger } from '@nestjs/common';
import { recordingDir, recordingManifestPath, type RecordingSegment } from '@tongke/contracts';
import type { ProducerEntry } from '../media/media-entries';
import { eventStamp } from '../record/lesson-record.client';
import type { Room } from '../rooms/room';
import { RecordingManifestEditor } from './recording-manifest.editor';
import { RecordingManifestWriter } from './recording-manifest.writer';
import { sameTrack, slotOf, wantedTracks, type WantedTrack } from './recording-track.policy';
import { TakeRecorder, type TakeEnd, type TakeListener } from './take.recorder';
import type { UdpPortAllocator } from './udp-port.allocator';

export interface LessonRecorderDeps {
  storageRoot: string;
  ffmpegPath: string;
  ffprobePath: string;
  segmentS: number;
  ports: UdpPortAllocator;
}

/** Coalesces bursts of changes (camera and mic published together, a stage swap). */
const SETTLE_MS = 150;
/** A take that crashed sooner than this after starting counts towards the restart back-off. */
const SHORT_LIVED_MS = 10_000;
const RESTART_DELAYS_MS = [100, 1000, 3000, 10_000, 30_000];

/**
 * Records one lesson (owned by its Room): keeps one take per slot (lead-av, lead-screen, stage-av,
 * and in a meeting one member-audio per member) in line with who publishes what and who is on stage, restarts a take whose ffmpeg died, keeps
 * manifest.json current, and when the lesson ends stops every take, writes the final manifest and
 * reports `recording.finished`. Its failures are logged; they never reach the lesson.
 */
export class LessonRecorder implements TakeListener {
  readonly logger: Logger;
  readonly dir: string;
  /** Running takes by slot (see `slotOf`). */
  private readonly takes = new Map<string, TakeRecorder>();
  /** Every take not yet ended (the current ones and those still stopping). */
  private readonly live = new Set<TakeRecorder>();
  private readonly crashes = new Map<string, { count: number; retryAt: number }>();
  private readonly writer: RecordingManifestWriter;
  private manifest: RecordingManifestEditor | undefined;
  private timer: NodeJS.Timeout | undefined;
  private timerDue = 0;
  private seq = 0;
  private starting: Promise<void> | undefined;
  private finishing: Promise<void> | undefined;

  constructor(
    private readonly room: Room,
    private readonly deps: LessonRecorderDeps,
  ) {
    this.logger = new Logger(`Recorder ${room.sessionId}`);
    this.dir = path.join(deps.storageRoot, recordingDir(room.sessionId));
    this.writer = new RecordingManifestWriter(path.join(deps.storageRoot, recordingManifestPath(room.sessionId)));
  }

  /** The takes running now, by slot (for tests and measurements). */
  get current(): ReadonlyMap<string, TakeRecorder> {
    return this.takes;
  }

  /** Writes the first manifest (carrying on an earlier one of this lesson), then follows the room. */
  start(): Promise<void> {
    this.starting ??= this.begin().catch((err: Error) =>
      this.logger.error(`starting the recording failed: ${err.message}`, err.stack),
    );
    return this.starting;
  }

  private async begin(): Promise<void> {
    const at = new Date();
    const earlier = await this.writer.readExisting();
    this.manifest = RecordingManifestEditor.begin(this.room.sessionId, this.deps.segmentS, at, earlier);
    this.seq = this.manifest.takes.length;
    await this.save();
    this.logger.log(`recording to ${this.dir} (segments of ${this.deps.segmentS} s)`);
    this.tracksChanged();
  }

  /** Producers or the stage changed: the takes follow shortly (after a short settle). */
  tracksChanged(delayMs = SETTLE_MS): void {
    if (this.finishing || !this.manifest) return;
    const due = Date.now() + delayMs;
    if (this.timer && this.timerDue <= due) return;
    clearTimeout(this.timer);
    this.timerDue = due;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.room.background('recording', () => this.reconcile());
    }, delayMs);
    this.timer.unref();
  }

  /** Under the room's lock: stops takes whose producers changed, starts the ones missing. */
  private async reconcile(): Promise<void> {
    if (this.finishing) return;
    const wanted = this.wanted();
    for (const slot of new Set([...wanted.keys(), ...this.takes.keys()])) {
      const want = wanted.get(slot);
      const take = this.takes.get(slot);
      if (take && !sameTrack(want, { peerId: take.peerId, producerIds: take.producerIds })) {
        this.takes.delete(slot);
        void take.stop(this.stopReason(take, want));
      }
      if (want && !this.takes.has(slot) && this.flowing(want)) await this.startTake(slot, want);
    }
  }

  private wanted(): Map<string, WantedTrack> {
    const roles = new Map([...this.room.peers.values()].map((p) => [p.id, p.role]));
    const tracks = [...this.room.producers.values()].map((p) => ({
      producerId: p.producer.id,
      peerId: p.peerId,
      source: p.source,
      live: !p.producer.paused && this.room.peers.get(p.peerId)?.connected === true,
    }));
    return wantedTracks({ roles, stagePeerId: this.room.lesson.stagePeerId }, tracks);
  }

  /** Whether any of the track's producers is live (all paused: nothing to record until one resumes). */
  private flowing(want: WantedTrack): boolean {
    return want.producerIds.some((id) => this.room.producers.get(id)?.producer.paused === false);
  }

  private stopReason(take: TakeRecorder, want: WantedTrack | undefined): string {
    if (take.track === 'stage-av' && want?.peerId !== take.peerId) return 'stage changed';
    return want ? 'producers changed' : 'producers closed';
  }

  private async startTake(slot: string, want: WantedTrack): Promise<void> {
    const { track } = want;
    const retryAt = this.crashes.get(slot)?.retryAt ?? 0;
    if (Date.now() < retryAt) return this.tracksChanged(retryAt - Date.now());
    const producers = want.producerIds.map((id) => this.room.producers.get(id) as ProducerEntry);
    const id = `${track}-${String(++this.seq).padStart(4, '0')}`;
    const deps = { ...this.deps, room: this.room, logger: this.logger };
    const take = new TakeRecorder(id, track, path.join(this.dir, id), producers, deps, this);
    this.takes.set(slot, take);
    this.live.add(take);
    this.manifest?.addTake({
      id,
      track,
      dir: id,
      startedAt: new Date().toISOString(),
      hasAudio: take.hasAudio,
      hasVideo: take.videoCodec !== undefined,
      videoCodec: take.videoCodec,
    });
    void this.save();
    const sources = producers.map((p) => p.source).join('+');
    this.logger.log(`take ${id} starts: ${track} of ${want.peerId} (${sources})`);
    await take.open();
    if (take.pid) this.logger.log(`take ${id}: ffmpeg pid ${take.pid}`);
  }

  started(take: TakeRecorder, at: Date): void {
    this.manifest?.setTakeStart(take.id, at);
    void this.save();
  }

  segments(take: TakeRecorder, segments: RecordingSegment[]): void {
    if (this.manifest && this.manifest.addSegments(take.id, segments) > 0) void this.save();
  }

  ended(take: TakeRecorder, end: TakeEnd, at: Date, why: string): void {
    const dropped = !take.hadMedia && this.manifest?.dropEmptyTake(take.id) === true;
    if (!dropped) this.manifest?.endTake(take.id, end === 'crashed' ? 'crashed' : 'stopped', at);
    const reason = dropped ? `${why} (nothing recorded: left out of the manifest)` : why;
    void this.save();
    this.live.delete(take);
    const slot = slotOf(take.track, take.peerId);
    if (this.takes.get(slot) === take) this.takes.delete(slot);
    if (end === 'stopped') {
      this.logger.log(`take ${take.id} stopped: ${reason}`);
      return;
    }
    const started = this.manifest?.takes.find((t) => t.id === take.id)?.startedAt;
    const shortLived = !started || at.getTime() - Date.parse(started) < SHORT_LIVED_MS;
    const count = shortLived ? (this.crashes.get(slot)?.count ?? 0) + 1 : 1;
    const delay = RESTART_DELAYS_MS[Math.min(count, RESTART_DELAYS_MS.length) - 1];
    this.crashes.set(slot, { count, retryAt: Date.now() + delay });
    if (end === 'crashed') this.logger.warn(`take ${take.id} crashed (${reason}); restarting ${slot} in ${delay} ms`);
    else this.logger.log(`take ${take.id} stopped: ${reason}; ${slot} restarts once its media flows`);
    this.tracksChanged(delay);
  }

  /**
   * The lesson ended: stops every take (each finalizes its open segment), writes the final
   * manifest and reports `recording.finished`. Idempotent; never rejects.
   */
  finish(): Promise<void> {
    this.finishing ??= this.wrapUp().catch((err: Error) =>
      this.logger.error(`finishing the recording failed: ${err.message}`, err.stack),
    );
    return this.finishing;
  }

  private async wrapUp(): Promise<void> {
    const at = new Date();
    clearTimeout(this.timer);
    await this.starting;
    await Promise.all([...this.live].map((take) => take.stop('lesson ended')));
    if (!this.manifest) return;
    this.manifest.finish(at);
    await this.save();
    const manifestPath = recordingManifestPath(this.room.sessionId);
    this.room.report({ type: 'recording.finished', ...eventStamp(), manifestPath });
    const takes = this.manifest.takes.length;
    this.logger.log(`recording finished: ${takes} take(s), manifest ${manifestPath}`);
  }

  private async save(): Promise<void> {
    if (!this.manifest) return;
    try {
      await this.writer.write(this.manifest.snapshot());
    } catch (err) {
      this.logger.error(`writing the manifest failed: ${(err as Error).message}`);
    }
  }
}
