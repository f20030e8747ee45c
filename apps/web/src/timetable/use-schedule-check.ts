import type { CheckScheduleResponse, CreateCourseScheduleRequest } from '@tongke/contracts';
import { onBeforeUnmount, ref, shallowRef, watch, type Ref } from 'vue';
import { checkSchedule } from '../api/schedule.api';

const DEBOUNCE_MS = 300;

/**
 * Asks POST …/schedules/check whenever the form's request changes (debounced; an answer to
 * an older request is dropped), so the dialog always shows the conflicts of what is on screen.
 */
export function useScheduleCheck(
  communityId: Ref<string>,
  request: Ref<CreateCourseScheduleRequest | null>,
  onError: (err: unknown) => void,
) {
  const result = shallowRef<CheckScheduleResponse | null>(null);
  const checking = ref(false);
  let sequence = 0;
  let timer: number | undefined;

  async function run(body: CreateCourseScheduleRequest, mine: number): Promise<void> {
    try {
      const answer = await checkSchedule(communityId.value, body);
      if (mine === sequence) result.value = answer;
    } catch (err) {
      if (mine === sequence) onError(err);
    } finally {
      if (mine === sequence) checking.value = false;
    }
  }

  watch(
    () => (request.value ? JSON.stringify(request.value) : ''),
    (key) => {
      const mine = ++sequence;
      window.clearTimeout(timer);
      result.value = null;
      checking.value = !!key;
      const body = request.value;
      if (body) timer = window.setTimeout(() => void run(body, mine), DEBOUNCE_MS);
    },
    { immediate: true },
  );

  onBeforeUnmount(() => window.clearTimeout(timer));
  return { result, checking };
}
