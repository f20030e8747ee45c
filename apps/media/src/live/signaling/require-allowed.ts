import type { ErrorBody } from '@tongke/contracts';
import { AppError } from '@tongke/core';

/** Throws the policy's refusal, if any. */
export function requireAllowed(denial: ErrorBody | null): void {
  if (denial) throw new AppError(denial.code, denial.message);
}
