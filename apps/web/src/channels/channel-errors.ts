import type { ProgrammeConflict } from '@tongke/contracts';
import { ApiError } from '../api/api.error';
import { localParts } from './zoned-time';

// Errors of the channel pages as zh-CN/English text: `channels.errors.<code>` with the server's
// message as `{message}`; a programme's overlaps (409 SCHEDULE_CONFLICT) are listed one by one.

export type Translate = (key: string, values?: Record<string, unknown>) => string;
export type Exists = (key: string) => boolean;

export function channelErrorText(err: unknown, t: Translate, te: Exists): string {
  const code = err instanceof ApiError ? err.code : 'unknown';
  const message = err instanceof Error ? err.message : String(err);
  const key = `channels.errors.${code}`;
  return te(key) ? t(key, { message }) : t('channels.errors.unknown', { message });
}

/** The overlaps a refused programme request ran into, or [] if the error is something else. */
export function conflictsOf(err: unknown): ProgrammeConflict[] {
  if (!(err instanceof ApiError) || err.code !== 'SCHEDULE_CONFLICT' || !Array.isArray(err.details)) return [];
  return err.details as ProgrammeConflict[];
}

/** One line per overlap, in the channel's zone. */
export function conflictLines(conflicts: ProgrammeConflict[], zone: string, t: Translate): string[] {
  const at = (iso: string) => {
    const p = localParts(iso, zone);
    return `${p.date} ${p.time}`;
  };
  return conflicts.map((c) =>
    t(c.other.id ? 'channels.conflicts.existing' : 'channels.conflicts.itself', {
      at: at(c.startsAt),
      other: c.other.title,
      otherAt: at(c.other.startsAt),
      otherEnd: localParts(c.other.endsAt, zone).time,
    }),
  );
}
