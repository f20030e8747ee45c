import type { LessonRole, MediaSource } from '@tongke/contracts';
import { ErrorCode, MEDIA_SOURCES } from './contract-values';
import { LiveRequestError } from './live-request.error';
import type { LiveSocket } from './live-socket';
import type { LiveState } from './live-state';
import { setOwnProducer } from './live-state.reducer';
import type { LocalMedia } from './local-media';
import { cameraConstraints, videoEncodings, wantedSources, type CameraQuality } from './media-profile';
import type { MediaSession } from './media-session';

export interface PublisherContext {
  readonly state: LiveState;
  readonly local: LocalMedia;
  socket(): LiveSocket | null;
  media(): MediaSession | null;
  role(): LessonRole | null;
  cameraQuality?: CameraQuality;
}

/** Refusals after which a track is still published, but paused (the server holds it). */
const HELD_CODES: readonly string[] = [
  ErrorCode.INTERACTION_PAUSED,
  ErrorCode.INTERACTION_DISABLED,
  ErrorCode.PERMISSION_DENIED,
];

/**
 * Publishes this participant's own tracks as its role and link mode want them, keeps the
 * mute state across reconnects, and runs the microphone and screen-share toggles.
 */
export class LivePublisher {
  private screenOn = false;
  /** Sources muted when last remembered (kept across reconnects and link-mode switches). */
  private pausedBefore = new Set<MediaSource>();

  constructor(private readonly ctx: PublisherContext) {}

  get sharingScreen(): boolean {
    return this.screenOn;
  }

  /**
   * Call before tearing the media session down or switching the link mode (the server holds
   * tracks paused for receive-only), so what is published next keeps the participant's mute state.
   */
  rememberPaused(): void {
    const own = this.ctx.state.producers;
    // Nothing published (a teardown right after another): keep what the last one remembered.
    if (!MEDIA_SOURCES.some((s) => own[s])) return;
    this.pausedBefore = new Set(MEDIA_SOURCES.filter((s) => own[s]?.paused));
  }

  /** Publishes what is wanted and not yet published; closes what is no longer wanted. */
  async reconcile(): Promise<void> {
    const role = this.ctx.role();
    const media = this.ctx.media();
    if (!role || !media?.canProduce()) return;
    const wanted = wantedSources(role, this.ctx.state.linkMode, this.screenOn);
    for (const source of MEDIA_SOURCES) if (!wanted.includes(source)) await this.unpublish(source);
    const failures: unknown[] = [];
    for (const source of wanted) {
      if (!media.producer(source)) await this.publish(media, role, source).catch((err: unknown) => failures.push(err));
    }
    if (failures.length) throw LiveRequestError.from(failures[0]);
  }

  /** Mute or unmute our microphone; unmuting asks the server first (it may refuse). */
  toggleMic(): Promise<void> {
    return this.toggle('mic');
  }

  /** Turn our camera off or on (paused, as the mic is muted); turning it on asks the server first. */
  toggleCamera(): Promise<void> {
    return this.toggle('camera');
  }

  private async toggle(source: 'mic' | 'camera'): Promise<void> {
    const media = this.ctx.media();
    const own = this.ctx.state.producers[source];
    const producer = media?.producer(source);
    const socket = this.ctx.socket();
    if (!own || !producer || !socket) return this.reconcile();
    if (own.paused) {
      await socket.request('producer:resume', { producerId: own.producerId });
      producer.resume();
      own.paused = false;
    } else {
      producer.pause();
      own.paused = true;
      await socket.request('producer:pause', { producerId: own.producerId });
    }
  }

  async toggleScreen(): Promise<void> {
    if (this.screenOn) return this.stopScreen();
    await this.ctx.local.startScreen(() => void this.stopScreen());
    this.screenOn = true;
    try {
      await this.reconcile();
      if (!this.ctx.media()?.producer('screen')) throw new LiveRequestError('INVALID_STATE', 'screen not published');
    } catch (err) {
      await this.stopScreen();
      throw err;
    }
  }

  async stopScreen(): Promise<void> {
    this.screenOn = false;
    await this.unpublish('screen');
  }

  private async publish(media: MediaSession, role: LessonRole, source: MediaSource): Promise<void> {
    const track = await this.trackFor(source, role);
    const encodings = track.kind === 'video' ? videoEncodings(role, source) : undefined;
    const paused = this.pausedBefore.has(source);
    let producer;
    try {
      producer = await media.produce({ source, track, encodings, paused });
    } catch (err) {
      // Held by the lesson's controls: publish paused, so unmuting later is a resume.
      if (paused || !(err instanceof LiveRequestError) || !HELD_CODES.includes(err.code)) throw err;
      producer = await media.produce({ source, track, encodings, paused: true });
    }
    if (this.ctx.media() !== media) return;
    setOwnProducer(this.ctx.state, source, producer.id, producer.paused);
    // The server holds it paused (e.g. interaction disabled): don't send what it drops.
    if (this.ctx.state.producers[source]?.paused && !producer.paused) producer.pause();
  }

  private async trackFor(source: MediaSource, role: LessonRole): Promise<MediaStreamTrack> {
    if (source === 'screen') {
      const track = this.ctx.local.track('screen');
      if (!track) throw new LiveRequestError('DEVICE_UNAVAILABLE', 'screen share ended');
      return track;
    }
    return this.ctx.local.ensure(source, cameraConstraints(role, this.ctx.cameraQuality));
  }

  /** Stops publishing a source and releases its device (a rural PC needs the CPU back). */
  private async unpublish(source: MediaSource): Promise<void> {
    const media = this.ctx.media();
    const producer = media?.producer(source);
    this.ctx.local.stop(source);
    if (!media || !producer) return;
    media.closeProducer(source);
    setOwnProducer(this.ctx.state, source, null);
    // The server may have closed it already (link-mode switch): a NOT_FOUND here is the same outcome.
    await this.ctx
      .socket()
      ?.request('producer:close', { producerId: producer.id })
      .catch(() => undefined);
  }
}
