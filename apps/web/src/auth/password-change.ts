import { ORG_LIMITS } from '@tongke/contracts/org-admin';

/** Why the password change form can't be sent yet (an `account.password.*` message key), or null. */
export function passwordChangeProblem(current: string, next: string, confirm: string): string | null {
  if (!current || !next) return 'required';
  if (next.length < ORG_LIMITS.passwordMin || next.length > ORG_LIMITS.passwordMax) return 'length';
  if (next === current) return 'same';
  if (next !== confirm) return 'mismatch';
  return null;
}
