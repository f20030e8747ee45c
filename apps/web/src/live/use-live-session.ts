import { inject, onBeforeUnmount, onMounted, provide, reactive, type InjectionKey } from 'vue';
import { joinLesson } from '../api';
import { watchLesson } from '../api/live-sessions.api';
import { LiveRequestError } from './live-request.error';
import { LiveSessionClient } from './live-session.client';
import { createLiveState, type LiveState } from './live-state';
import { installTestHook } from './live-test-hook';
import type { CameraQuality } from './media-profile';
import { useToasts, type ToastEntry } from './use-toasts';

export interface LiveContext {
  state: LiveState;
  client: LiveSessionClient;
  toasts: ToastEntry[];
  dismissToast(id: number): void;
  /** Runs a participant's action; a refusal becomes an error toast (resolves undefined then). */
  run<T>(action: () => Promise<T>): Promise<T | undefined>;
}

const LIVE: InjectionKey<LiveContext> = Symbol('live');

/** `localStorage['tongke.live.camera'] = '480p'` caps the camera (weak PCs, test runs). */
function cameraQuality(): CameraQuality | undefined {
  const v = localStorage.getItem('tongke.live.camera');
  return v === '480p' || v === '720p' ? v : undefined;
}

/**
 * Creates the lesson's client and state for this component tree, and runs it while mounted.
 * `watch`: a view-only viewer of the lesson's broadcast (名校网络课堂) rather than a participant.
 */
export function provideLiveSession(sessionId: string, asObserver: boolean, watch = false): LiveContext {
  const state = reactive(createLiveState(sessionId)) as LiveState;
  const toasts = useToasts();
  const client = new LiveSessionClient({
    sessionId,
    asObserver,
    state,
    fetchJoin: watch ? (id) => watchLesson(id) : joinLesson,
    onError: (err) => toasts.push(err),
    cameraQuality: cameraQuality(),
  });
  const run = async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await action();
    } catch (err) {
      toasts.push(LiveRequestError.from(err));
      return undefined;
    }
  };
  const ctx: LiveContext = { state, client, toasts: toasts.list, dismissToast: toasts.dismiss, run };
  provide(LIVE, ctx);
  let uninstall: (() => void) | undefined;
  onMounted(() => {
    uninstall = installTestHook(client);
    void client.start();
  });
  onBeforeUnmount(() => {
    client.stop();
    uninstall?.();
    toasts.clear();
  });
  return ctx;
}

export function useLive(): LiveContext {
  const ctx = inject(LIVE);
  if (!ctx) throw new Error('useLive() outside a live lesson');
  return ctx;
}
