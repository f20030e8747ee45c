import type { TimetableEntry } from '@tongke/contracts';
import { onBeforeUnmount, ref, shallowRef } from 'vue';
import { isDrag, slotAt, type SlotRef } from './drag-target';

// Dragging a lesson card onto another slot with pointer events (mouse, pen and touch alike):
// a press that travels past the threshold becomes a drag; the slot under the pointer is read
// from the element there (`data-slot-date` / `data-slot-row`), the card follows as a ghost.

interface Press {
  entry: TimetableEntry;
  x: number;
  y: number;
}

export function useLessonDrag(onDrop: (entry: TimetableEntry, slot: SlotRef) => void) {
  /** The lesson being dragged and where the pointer is. */
  const dragging = shallowRef<{ entry: TimetableEntry; x: number; y: number } | null>(null);
  /** The slot under the pointer while dragging. */
  const over = ref<SlotRef | null>(null);
  let press: Press | null = null;
  let justDropped = false;

  const slotUnder = (e: PointerEvent) => slotAt(document.elementFromPoint(e.clientX, e.clientY));

  function move(e: PointerEvent): void {
    if (!press) return;
    if (!dragging.value && !isDrag(press, { x: e.clientX, y: e.clientY })) return;
    e.preventDefault();
    dragging.value = { entry: press.entry, x: e.clientX, y: e.clientY };
    over.value = slotUnder(e);
  }

  function stop(): void {
    press = null;
    dragging.value = null;
    over.value = null;
    window.removeEventListener('pointermove', move);
    window.removeEventListener('pointerup', up);
    window.removeEventListener('pointercancel', stop);
  }

  function up(e: PointerEvent): void {
    const entry = dragging.value?.entry;
    const slot = entry ? slotUnder(e) : null;
    stop();
    if (!entry) return;
    // The click that follows this pointerup belongs to the drag, not to a slot or card.
    justDropped = true;
    window.setTimeout(() => (justDropped = false), 0);
    if (slot) onDrop(entry, slot);
  }

  /** pointerdown on a movable lesson card. */
  function start(entry: TimetableEntry, e: PointerEvent): void {
    if (e.button !== 0 || press) return;
    press = { entry, x: e.clientX, y: e.clientY };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', stop);
  }

  /** Whether a click should be ignored because it ends a drag. */
  const endsDrag = () => justDropped;

  onBeforeUnmount(stop);
  return { dragging, over, start, endsDrag };
}
