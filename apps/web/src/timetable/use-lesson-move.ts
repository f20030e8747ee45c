import type { CheckScheduleResponse, CourseScheduleView, ScheduleConflict, TimetableEntry } from '@tongke/contracts';
import { shallowRef } from 'vue';
import { ApiError } from '../api/api.error';
import { addScheduleException, checkSchedule, getSchedule, updateSchedule } from '../api/schedule.api';
import { conflictsOf } from './conflict-text';
import { checkOneRequest, checkSeriesRequest, type DropTarget, moveOneRequest, moveSeriesRequest } from './drag-target';

/** A dropped lesson awaiting the "this lesson / the whole series" answer. */
export interface PendingMove {
  entry: TimetableEntry;
  target: DropTarget;
  schedule?: CourseScheduleView;
  /** Checks of moving this occurrence and the whole series (undefined while checking). */
  one?: CheckScheduleResponse;
  series?: CheckScheduleResponse;
  busy: boolean;
  /** Conflicts the save itself answered with (409), or a failure's text. */
  refused: ScheduleConflict[];
  error?: unknown;
}

/** The move flow: check both ways first, then make the chosen move; a conflict refuses it. */
export function useLessonMove(communityId: () => string, onMoved: () => void) {
  const pending = shallowRef<PendingMove | null>(null);
  const patch = (p: Partial<PendingMove>) => pending.value && (pending.value = { ...pending.value, ...p });

  async function begin(entry: TimetableEntry, target: DropTarget): Promise<void> {
    pending.value = { entry, target, busy: true, refused: [] };
    try {
      const schedule = await getSchedule(communityId(), entry.scheduleId ?? '');
      const [one, series] = await Promise.all([
        checkSchedule(communityId(), checkOneRequest(schedule, target)),
        checkSchedule(communityId(), checkSeriesRequest(schedule, target)),
      ]);
      patch({ schedule, one, series, busy: false });
    } catch (err) {
      patch({ busy: false, error: err });
    }
  }

  async function commit(save: (scheduleId: string, move: PendingMove) => Promise<unknown>): Promise<void> {
    const move = pending.value;
    if (!move?.entry.scheduleId || move.busy) return;
    patch({ busy: true, error: undefined });
    try {
      await save(move.entry.scheduleId, move);
      pending.value = null;
      onMoved();
    } catch (err) {
      const conflicts = err instanceof ApiError ? conflictsOf(err.details) : [];
      patch({ busy: false, refused: conflicts, error: conflicts.length ? undefined : err });
    }
  }

  const moveOne = () =>
    commit((id, move) => addScheduleException(communityId(), id, moveOneRequest(move.entry, move.target)));
  const moveSeries = () => commit((id, move) => updateSchedule(communityId(), id, moveSeriesRequest(move.target)));
  const close = () => (pending.value = null);

  return { pending, begin, moveOne, moveSeries, close };
}
