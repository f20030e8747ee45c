// Mutes the live lesson's sound while the classroom watches the time-shift replay: the remote
// audio tracks are disabled (their <audio> sinks then play silence) and exactly those are
// enabled again afterwards. Tracks arriving while muted (a reconnect) are muted too.

/** The part of a MediaStreamTrack this needs. */
export interface Switchable {
  enabled: boolean;
}

export class LiveAudioMute {
  private readonly muted = new Set<Switchable>();
  private active = false;

  constructor(private readonly trackOf: (consumerId: string) => Switchable | null) {}

  get isActive(): boolean {
    return this.active;
  }

  /** Mutes these consumers' tracks (call again when the audio consumers change). */
  mute(consumerIds: readonly string[]): void {
    this.active = true;
    for (const id of consumerIds) {
      const track = this.trackOf(id);
      if (track && track.enabled && !this.muted.has(track)) {
        track.enabled = false;
        this.muted.add(track);
      }
    }
  }

  /** Gives back the sound of every track this muted. */
  restore(): void {
    this.active = false;
    for (const track of this.muted) track.enabled = true;
    this.muted.clear();
  }
}
