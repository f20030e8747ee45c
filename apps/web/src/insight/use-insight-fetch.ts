import { ref, shallowRef, watch, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { errorMessage } from '../api/error-message';

export interface InsightFetch<T> {
  data: Ref<T | null>;
  loading: Ref<boolean>;
  error: Ref<string>;
  reload(): Promise<void>;
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

  async function reload(): Promise<void> {
    const k = key();
    const mine = ++seq;
    if (k === null) {
      data.value = null;
      loading.value = false;
      return;
    }
    if (!options.keepData) data.value = null;
    loading.value = true;
    try {
      const next = await load();
      if (mine !== seq) return;
      data.value = next;
      error.value = '';
    } catch (err) {
      if (mine === seq) error.value = errorMessage(err, t, te);
    } finally {
      if (mine === seq) loading.value = false;
    }
  }

  watch(key, () => void reload(), { immediate: true });
  return { data: data as Ref<T | null>, loading, error, reload };
}
