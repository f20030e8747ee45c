import type { MediaSource } from '@tongke/contracts';
import { LiveRequestError } from './live-request.error';

/**
 * The participant's own capture devices. Tracks outlive producers: after a reconnect the
 * same tracks are published again, without asking for the camera twice.
 */
export class LocalMedia {
  private readonly tracks: Partial<Record<MediaSource, MediaStreamTrack>> = {};
  private capturing: Promise<void> | null = null;
  /** Bumped by stopAll: a capture that resolves after it (the user left) stops its tracks at once. */
  private generation = 0;

  track(source: MediaSource): MediaStreamTrack | null {
    const t = this.tracks[source];
    return t && t.readyState === 'live' ? t : null;
  }

  /** Starts capturing camera and microphone together (one prompt), early, in the background. */
  prepare(camera: MediaTrackConstraints | false, mic: boolean): Promise<void> {
    const video = camera && !this.track('camera') ? camera : false;
    const audio = mic && !this.track('mic') ? MIC_CONSTRAINTS : false;
    if (!video && !audio) return Promise.resolve();
    const generation = this.generation;
    this.capturing ??= navigator.mediaDevices
      .getUserMedia({ video, audio })
      .then((stream) => {
        if (generation !== this.generation) {
          for (const t of stream.getTracks()) t.stop();
          return;
        }
        for (const t of stream.getVideoTracks()) this.replace('camera', t);
        for (const t of stream.getAudioTracks()) this.replace('mic', t);
      })
      .finally(() => {
        this.capturing = null;
      });
    return this.capturing;
  }

  /** The live track of a camera or microphone, capturing it if needed. */
  async ensure(source: 'camera' | 'mic', camera: MediaTrackConstraints): Promise<MediaStreamTrack> {
    try {
      await this.capturing?.catch(() => undefined);
      const have = this.track(source);
      if (have) return have;
      await this.prepare(source === 'camera' ? camera : false, source === 'mic');
    } catch (err) {
      throw deviceError(err);
    }
    const track = this.track(source);
    if (!track) throw new LiveRequestError('DEVICE_UNAVAILABLE', `no ${source} track`);
    return track;
  }

  /** Asks the user for a screen, window or tab; `onEnded` runs when they stop sharing in the browser. */
  async startScreen(onEnded: () => void): Promise<MediaStreamTrack> {
    const generation = this.generation;
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getDisplayMedia({
        video: { frameRate: { ideal: 15, max: 30 } },
        audio: false,
      });
    } catch (err) {
      throw deviceError(err);
    }
    const [track] = stream.getVideoTracks();
    if (!track) throw new LiveRequestError('DEVICE_UNAVAILABLE', 'no screen track');
    if (generation !== this.generation) {
      track.stop();
      throw new LiveRequestError('DEVICE_UNAVAILABLE', 'left before the screen was chosen');
    }
    track.contentHint = 'detail';
    track.addEventListener('ended', onEnded, { once: true });
    this.replace('screen', track);
    return track;
  }

  stop(source: MediaSource): void {
    this.tracks[source]?.stop();
    delete this.tracks[source];
  }

  stopAll(): void {
    this.generation += 1;
    for (const source of Object.keys(this.tracks) as MediaSource[]) this.stop(source);
  }

  private replace(source: MediaSource, track: MediaStreamTrack): void {
    if (this.tracks[source] !== track) this.tracks[source]?.stop();
    this.tracks[source] = track;
  }
}

const MIC_CONSTRAINTS: MediaTrackConstraints = {
  echoCancellation: true,
  noiseSuppression: true,
  autoGainControl: true,
};

function deviceError(err: unknown): LiveRequestError {
  if (err instanceof LiveRequestError) return err;
  const name = err instanceof Error ? err.name : 'Error';
  const message = err instanceof Error ? err.message : String(err);
  return new LiveRequestError('DEVICE_UNAVAILABLE', `${name}: ${message}`);
}
