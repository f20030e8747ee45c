import { ref, type Ref } from 'vue';
import { useLive } from './use-live-session';

/**
 * One action at a time from a control: a second press while the first is in flight is ignored,
 * and `busy` (for `:disabled`) is true meanwhile. Refusals become toasts, as with `run`.
 */
export function useBusyRun(): { busy: Ref<boolean>; runOnce(action: () => Promise<unknown>): Promise<void> } {
  const { run } = useLive();
  const busy = ref(false);
  async function runOnce(action: () => Promise<unknown>): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    try {
      await run(action);
    } finally {
      busy.value = false;
    }
  }
  return { busy, runOnce };
}
