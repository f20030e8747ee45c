import { onBeforeUnmount, onMounted } from 'vue';

/** Runs `tick` every `ms` while the page is visible (and at once when it becomes visible again). */
export function useVisiblePoll(tick: () => void, ms: number): void {
  let timer: ReturnType<typeof setInterval> | undefined;
  const stop = () => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
  };
  const start = () => {
    stop();
    timer = setInterval(tick, ms);
  };
  const onVisibility = () => {
    if (document.visibilityState === 'visible') {
      tick();
      start();
    } else stop();
  };
  onMounted(() => {
    document.addEventListener('visibilitychange', onVisibility);
    if (document.visibilityState === 'visible') start();
  });
  onBeforeUnmount(() => {
    document.removeEventListener('visibilitychange', onVisibility);
    stop();
  });
}
