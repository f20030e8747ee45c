import { onBeforeUnmount, ref, type Ref } from 'vue';

/** Date.now(), refreshed every `ms` while the component lives (for countdowns and clocks). */
export function useNow(ms = 1000): Ref<number> {
  const now = ref(Date.now());
  const timer = window.setInterval(() => (now.value = Date.now()), ms);
  onBeforeUnmount(() => window.clearInterval(timer));
  return now;
}
