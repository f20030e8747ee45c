import { reactive } from 'vue';
import type { LiveRequestError } from './live-request.error';

export interface ToastEntry {
  id: number;
  code: string;
  message: string;
}

/** How long an error stays on screen. */
export const TOAST_MS = 8000;
const MAX_TOASTS = 5;

/** A stack of error toasts; each one stays for TOAST_MS (repeated refusals each get their own). */
export function useToasts(): {
  list: ToastEntry[];
  push(err: LiveRequestError): void;
  dismiss(id: number): void;
  clear(): void;
} {
  const list = reactive<ToastEntry[]>([]);
  const timers = new Map<number, number>();
  let next = 1;
  const dismiss = (id: number): void => {
    window.clearTimeout(timers.get(id));
    timers.delete(id);
    const i = list.findIndex((t) => t.id === id);
    if (i >= 0) list.splice(i, 1);
  };
  const push = (err: LiveRequestError): void => {
    const id = next++;
    list.push({ id, code: err.code, message: err.message });
    if (list.length > MAX_TOASTS) dismiss(list[0].id);
    timers.set(
      id,
      window.setTimeout(() => dismiss(id), TOAST_MS),
    );
  };
  const clear = (): void => {
    for (const t of [...list]) dismiss(t.id);
  };
  return { list, push, dismiss, clear };
}
