import { type Ref, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { ORG_LIMITS } from '@tongke/contracts/org-admin';
import { describeAdminError } from './admin-errors';
import { CLASS_NUMBER_MAX } from './class-group.form';

export interface AdminAction {
  busy: Ref<boolean>;
  /** The text shown in place (beside the form or row the action came from). */
  error: Ref<string>;
  /** The form field the error is about, if known (client check or the server's validation message). */
  errorField: Ref<string | undefined>;
  /** Runs a request: busy while it runs; a refusal is worded into `error`. Answers undefined on failure. */
  run<T>(request: () => Promise<T>): Promise<T | undefined>;
  /** Shows a client-side problem (`admin.problems.<key>`) for `field`; answers undefined like a failed `run`. */
  problem(key: string, field?: string): undefined;
  clear(): void;
}

/** Values the problem texts name (they mirror the API's limits). */
const PROBLEM_VALUES = { ...ORG_LIMITS, classNumberMax: CLASS_NUMBER_MAX };

/** Busy/error state of one admin form or row, with server errors worded through i18n. */
export function useAdminAction(fields: readonly string[] = []): AdminAction {
  const { t, te } = useI18n();
  const busy = ref(false);
  const error = ref('');
  const errorField = ref<string>();
  const clear = () => {
    error.value = '';
    errorField.value = undefined;
  };
  async function run<T>(request: () => Promise<T>): Promise<T | undefined> {
    clear();
    busy.value = true;
    try {
      return await request();
    } catch (err) {
      const described = describeAdminError(err, t, te, fields);
      error.value = described.text;
      errorField.value = described.field;
      return undefined;
    } finally {
      busy.value = false;
    }
  }
  function problem(key: string, field?: string): undefined {
    error.value = t(`admin.problems.${key}`, PROBLEM_VALUES);
    errorField.value = field ?? key;
    return undefined;
  }
  return { busy, error, errorField, run, problem, clear };
}
