import type { LessonRole } from '@tongke/contracts';
import type { LiveState } from './live-state';
import type { ConsumerStat } from './live-stats';

/** What e2e tests and the join benchmark read from the page (always installed). */
export interface TongkeLiveHook {
  readonly state: LiveState;
  readonly peerId: string | undefined;
  readonly role: LessonRole | undefined;
  /** performance.now() when the join started (before the API's join token). */
  readonly joinStartedAt: number | undefined;
  /** performance.now() of the first decoded remote video frame. */
  readonly firstFrameAt: number | undefined;
  stats(): Promise<ConsumerStat[]>;
  /** Drops the signaling connection as a network failure would, for `ms`; resolves when the network is back (the client then reconnects by itself). */
  simulateNetworkDrop(ms: number): Promise<void>;
}

export interface TestHookSource {
  readonly state: LiveState;
  readonly joinStartedAt: number | undefined;
  readonly firstFrameAt: number | undefined;
  stats(): Promise<ConsumerStat[]>;
  simulateNetworkDrop(ms: number): Promise<void>;
}

declare global {
  interface Window {
    tongkeLive?: TongkeLiveHook;
  }
}

export function installTestHook(source: TestHookSource): () => void {
  const hook: TongkeLiveHook = {
    get state() {
      return source.state;
    },
    get peerId() {
      return source.state.selfId ?? undefined;
    },
    get role() {
      return source.state.role ?? undefined;
    },
    get joinStartedAt() {
      return source.joinStartedAt;
    },
    get firstFrameAt() {
      return source.firstFrameAt;
    },
    stats: () => source.stats(),
    simulateNetworkDrop: (ms) => source.simulateNetworkDrop(ms),
  };
  window.tongkeLive = hook;
  return () => {
    if (window.tongkeLive === hook) delete window.tongkeLive;
  };
}
