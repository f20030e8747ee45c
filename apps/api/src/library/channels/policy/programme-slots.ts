import type { ProgrammeConflict } from '@tongke/contracts';
import { DateTime } from 'luxon';

// When the entries of a programme request air, and what they would clash with. Pure: the
// service gives the community's zone, the resource's length and the channel's segment grid.

/** A programme's airing time: [startsAt, endsAt). */
export interface ProgrammeSlot {
  startsAt: Date;
  endsAt: Date;
}

/** An entry already in the programme. */
export interface ScheduledSlot extends ProgrammeSlot {
  id: string;
  title: string;
}

export interface RepeatRule {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: readonly number[];
  weeks: number;
}

/** `at` moved up to the next whole multiple of `gridS` seconds since the epoch (unchanged if on it). */
export function snapToGrid(at: Date, gridS: number): Date {
  const gridMs = gridS * 1000;
  return new Date(Math.ceil(at.getTime() / gridMs) * gridMs);
}

/**
 * The starts a request names: `startsAt`, and with `repeat` every listed weekday at the same
 * local wall-clock time in `zone`, from `startsAt`'s local day on, for `repeat.weeks` weeks
 * (so each listed weekday occurs `weeks` times). Sorted, without duplicates.
 */
export function expandStarts(startsAt: Date, zone: string, repeat?: RepeatRule): Date[] {
  const first = DateTime.fromJSDate(startsAt, { zone });
  const starts = new Map<number, Date>([[startsAt.getTime(), startsAt]]);
  if (repeat) {
    const weekdays = new Set(repeat.weekdays);
    for (let day = 0; day < repeat.weeks * 7; day++) {
      const local = first.plus({ days: day });
      if (!weekdays.has(local.weekday)) continue;
      const at = local.toJSDate();
      if (at.getTime() >= startsAt.getTime()) starts.set(at.getTime(), at);
    }
  }
  return [...starts.values()].sort((a, b) => a.getTime() - b.getTime());
}

/** The slots of a resource lasting `durationMs` at each start, the starts snapped to the grid. */
export function slotsOf(starts: readonly Date[], durationMs: number, gridS: number): ProgrammeSlot[] {
  return starts.map((s) => {
    const startsAt = snapToGrid(s, gridS);
    return { startsAt, endsAt: new Date(startsAt.getTime() + durationMs) };
  });
}

const overlaps = (a: ProgrammeSlot, b: ProgrammeSlot) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/**
 * Every clash of the new slots (all airing `title`, sorted by start) with the existing entries
 * and with each other, in the order of the new slots; times in messages are local to `zone`.
 */
export function findConflicts(
  slots: readonly ProgrammeSlot[],
  title: string,
  existing: readonly ScheduledSlot[],
  zone: string,
): ProgrammeConflict[] {
  const conflicts: ProgrammeConflict[] = [];
  slots.forEach((slot, i) => {
    for (const other of existing) {
      if (overlaps(slot, other)) conflicts.push(conflict(slot, title, other, zone));
    }
    const next = slots[i + 1];
    if (next && overlaps(slot, next)) conflicts.push(conflict(next, title, { ...slot, title }, zone));
  });
  return conflicts;
}

function conflict(
  slot: ProgrammeSlot,
  title: string,
  other: ProgrammeSlot & { id?: string; title: string },
  zone: string,
): ProgrammeConflict {
  const what = other.id ? `"${other.title}"` : `its own airing`;
  return {
    startsAt: slot.startsAt.toISOString(),
    endsAt: slot.endsAt.toISOString(),
    other: {
      ...(other.id && { id: other.id }),
      title: other.title,
      startsAt: other.startsAt.toISOString(),
      endsAt: other.endsAt.toISOString(),
    },
    message: `"${title}" at ${span(slot, zone)} overlaps ${what} at ${span(other, zone)}`,
  };
}

/** `2026-03-02 19:00:00–19:40:12` in the zone (the end's date too when it differs). */
export function span(slot: ProgrammeSlot, zone: string): string {
  const from = DateTime.fromJSDate(slot.startsAt, { zone });
  const to = DateTime.fromJSDate(slot.endsAt, { zone });
  const end = to.hasSame(from, 'day') ? to.toFormat('HH:mm:ss') : to.toFormat('yyyy-MM-dd HH:mm:ss');
  return `${from.toFormat('yyyy-MM-dd HH:mm:ss')}–${end}`;
}
