/** A pairing's period: `since` and optional `until`, ISO dates (YYYY-MM-DD compare as strings). */
export interface PairingPeriod {
  since: string;
  until?: string;
}

/** Why the period is invalid (until before since), or null. */
export function pairingPeriodProblem({ since, until }: PairingPeriod): string | null {
  return until !== undefined && until < since ? `until (${until}) must not be before since (${since})` : null;
}

/** Whether the pairing is in force on `today` (both ends inclusive). */
export function isPairingActive({ since, until }: PairingPeriod, today: string): boolean {
  return since <= today && (until === undefined || today <= until);
}
