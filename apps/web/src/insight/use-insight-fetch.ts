import { ref, shallowRef, watch, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { errorMessage } from '../api/error-message';

export interface InsightFetch<T> {
  data: Ref<T | null>;
  /** A load for a new key is running (not set by polls, so a polled card does not flicker busy). */
  loading: Ref<boolean>;
  error: Ref<string>;
  /** Loads the current key again, superseding any running request. */
  reload(): Promise<void>;
  /** Refreshes quietly for a timer: skipped while a request is still running (slow networks never pile up). */
  poll(): Promise<void>;
}

/**
 * Loads a view whenever `key` changes (null: nothing to load). Answers of superseded keys are
 * dropped; with `keepData`, the last view stays shown while the next loads (the live panel).
 */
export function useInsightFetch<T>(
  key: () => string | null,
  load: () => Promise<T>,
  options: { keepData?: boolean } = {},
): InsightFetch<T> {
  const { t, te } = useI18n();
  const data = shallowRef<T | null>(null);
  const loading = ref(false);
  const error = ref('');
  let seq = 0;
  let running = false;

  async function run(quiet: boolean): Promise<void> {
    const mine = ++seq;
    if (key() === null) {
      data.value = null;
      loading.value = false;
      running = false;
      return;
    }
    running = true;
    if (!quiet) {
      if (!options.keepData) data.value = null;
      loading.value = true;
    }
    try {
      const next = await load();
      if (mine !== seq) return;
      data.value = next;
      error.value = '';
    } catch (err) {
      if (mine === seq) error.value = errorMessage(err, t, te);
    } finally {
      if (mine === seq) {
        loading.value = false;
        running = false;
      }
    }
  }

  const reload = () => run(false);
  const poll = async () => {
    if (!running && key() !== null) await run(true);
  };
  watch(key, () => void reload(), { immediate: true });
  return { data: data as Ref<T | null>, loading, error, reload, poll };
}
