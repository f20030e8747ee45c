import type { z } from 'zod';

/**
 * One line from a zod error: each issue with its path, `; `-separated. Issues about the value
 * itself carry `rootLabel` (e.g. `body`) when given, else just the message.
 */
export function zodMessage(error: z.ZodError, rootLabel?: string): string {
  return error.issues
    .map((i) => {
      const where = i.path.length ? i.path.join('.') : rootLabel;
      return where ? `${where}: ${i.message}` : i.message;
    })
    .join('; ');
}
