import { isPairingActive, pairingPeriodProblem } from './pairing.policy';

describe('pairing.policy', () => {
  it('accepts open-ended and ordered periods, refuses until before since', () => {
    expect(pairingPeriodProblem({ since: '2024-09-01' })).toBeNull();
    expect(pairingPeriodProblem({ since: '2024-09-01', until: '2024-09-01' })).toBeNull();
    expect(pairingPeriodProblem({ since: '2024-09-01', until: '2024-08-31' })).toBe(
      'until (2024-08-31) must not be before since (2024-09-01)',
    );
  });

  it('is active from since through until, inclusive', () => {
    const p = { since: '2024-09-01', until: '2025-07-15' };
    expect(isPairingActive(p, '2024-08-31')).toBe(false);
    expect(isPairingActive(p, '2024-09-01')).toBe(true);
    expect(isPairingActive(p, '2025-07-15')).toBe(true);
    expect(isPairingActive(p, '2025-07-16')).toBe(false);
    expect(isPairingActive({ since: '2024-09-01' }, '2030-01-01')).toBe(true);
  });
});
