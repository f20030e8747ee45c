export type TransportConnectionState = 'new' | 'connecting' | 'connected' | 'failed' | 'disconnected' | 'closed';

export interface IceRestartSchedulerOptions {
  /** Asks the server for new ICE parameters and restarts the local transport. */
  restart: (transportId: string) => Promise<void>;
  /** The transport's current state (undefined once it is gone). */
  stateOf: (transportId: string) => TransportConnectionState | undefined;
  /** False while the socket is down: the reconnect path takes over then. */
  canRestart: () => boolean;
  /** `disconnected` often heals by itself; wait this long first. */
  disconnectedDelayMs?: number;
  failedDelayMs?: number;
  /** After a restart, look again this much later and restart again if still not connected. */
  recheckMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/**
 * Debounced ICE restarts for transports whose connection dropped while the signaling socket
 * stayed up: one pending restart per transport, re-checked until the transport connects again.
 */
export class IceRestartScheduler {
  private readonly timers = new Map<string, { handle: unknown; due: number; recheck: boolean }>();
  private readonly running = new Set<string>();
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly options: IceRestartSchedulerOptions) {
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  /** Feed every `connectionstatechange` of every transport here. */
  onStateChange(transportId: string, state: TransportConnectionState): void {
    if (state === 'connected' || state === 'closed') return this.cancel(transportId);
    if (state === 'disconnected') this.schedule(transportId, this.options.disconnectedDelayMs ?? 2000, false);
    if (state === 'failed') this.schedule(transportId, this.options.failedDelayMs ?? 200, false);
  }

  /** Restart at once unless connected (e.g. after the socket came back); re-checked until connected. */
  restartNow(transportId: string): void {
    this.schedule(transportId, 0, true);
  }

  cancel(transportId: string): void {
    const t = this.timers.get(transportId);
    if (t) this.clearTimer(t.handle);
    this.timers.delete(transportId);
  }

  cancelAll(): void {
    for (const id of [...this.timers.keys()]) this.cancel(id);
  }

  /** Whether a restart is pending for this transport. */
  pending(transportId: string): boolean {
    return this.timers.has(transportId);
  }

  private schedule(transportId: string, delayMs: number, force: boolean): void {
    const due = Date.now() + delayMs;
    const existing = this.timers.get(transportId);
    if (existing && existing.due <= due) {
      existing.recheck ||= force;
      return;
    }
    this.cancel(transportId);
    const handle = this.setTimer(() => void this.fire(transportId), delayMs);
    this.timers.set(transportId, { handle, due, recheck: force });
  }

  private async fire(transportId: string): Promise<void> {
    const forced = this.timers.get(transportId)?.recheck ?? false;
    this.timers.delete(transportId);
    const state = this.options.stateOf(transportId);
    if (!state || state === 'new' || state === 'closed' || state === 'connected') return;
    if (!forced && state !== 'disconnected' && state !== 'failed') return;
    if (!this.options.canRestart() || this.running.has(transportId)) return;
    this.running.add(transportId);
    try {
      await this.options.restart(transportId);
    } catch {
      // Looked at again below: a failed restart is retried like a failed transport.
    } finally {
      this.running.delete(transportId);
    }
    this.schedule(transportId, this.options.recheckMs ?? 5000, true);
  }
}
