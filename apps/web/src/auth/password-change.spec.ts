import { describe, expect, it } from '@jest/globals';
import { passwordChangeProblem } from './password-change';

describe(passwordChangeProblem.name, () => {
  it('needs both passwords, a valid length, a change and a matching confirmation', () => {
    expect(passwordChangeProblem('', 'A-new-password', 'A-new-password')).toBe('required');
    expect(passwordChangeProblem('old', 'short', 'short')).toBe('length');
    expect(passwordChangeProblem('old', 'x'.repeat(129), 'x'.repeat(129))).toBe('length');
    expect(passwordChangeProblem('Same-password', 'Same-password', 'Same-password')).toBe('same');
    expect(passwordChangeProblem('old', 'A-new-password', 'A-new-passw0rd')).toBe('mismatch');
    expect(passwordChangeProblem('old', 'A-new-password', 'A-new-password')).toBeNull();
  });
});
