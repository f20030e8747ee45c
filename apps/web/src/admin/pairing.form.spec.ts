import { describe, expect, it } from '@jest/globals';
import type { PairingView, SchoolView } from '@tongke/contracts';
import {
  emptyPairingForm,
  localDate,
  pairingForm,
  pairingProblemField,
  pairingRows,
  toCreatePairing,
  toUpdatePairing,
} from './pairing.form';

const pairing = (over: Partial<PairingView> = {}): PairingView => ({
  id: 'p1',
  communityId: 'c1',
  leadSchoolId: 'urban',
  memberSchoolId: 'rural',
  since: '2025-09-01',
  active: true,
  ...over,
});

describe(toCreatePairing.name, () => {
  const form = { leadSchoolId: 'urban', memberSchoolId: 'rural', since: '2025-09-01', until: '' };

  it('builds the body, leaving out an empty end date', () => {
    expect(toCreatePairing(form)).toEqual({
      ok: true,
      value: { leadSchoolId: 'urban', memberSchoolId: 'rural', since: '2025-09-01' },
    });
    expect(toCreatePairing({ ...form, until: '2026-07-15' })).toMatchObject({
      ok: true,
      value: { until: '2026-07-15' },
    });
  });

  it('needs two different schools and since ≤ until', () => {
    expect(toCreatePairing({ ...form, leadSchoolId: '' })).toEqual({ ok: false, problem: 'leadSchoolId' });
    expect(toCreatePairing({ ...form, memberSchoolId: '' })).toEqual({ ok: false, problem: 'memberSchoolId' });
    expect(toCreatePairing({ ...form, memberSchoolId: 'urban' })).toEqual({ ok: false, problem: 'sameSchool' });
    expect(toCreatePairing({ ...form, since: '' })).toEqual({ ok: false, problem: 'since' });
    expect(toCreatePairing({ ...form, since: '2025-13-01' })).toEqual({ ok: false, problem: 'since' });
    expect(toCreatePairing({ ...form, until: '2025-8-1' })).toEqual({ ok: false, problem: 'until' });
    expect(toCreatePairing({ ...form, until: '2025-08-31' })).toEqual({ ok: false, problem: 'order' });
    expect(toCreatePairing({ ...form, until: '2025-09-01' }).ok).toBe(true);
  });

  it('marks the field each problem is about', () => {
    expect(pairingProblemField('sameSchool')).toBe('memberSchoolId');
    expect(pairingProblemField('order')).toBe('until');
    expect(pairingProblemField('since')).toBe('since');
  });

  it('starts new pairings today', () => {
    expect(emptyPairingForm(localDate(new Date(2026, 0, 5)))).toMatchObject({ since: '2026-01-05', until: '' });
  });
});

describe(toUpdatePairing.name, () => {
  it('sends changed dates; a cleared end date as null', () => {
    const view = pairing({ until: '2026-07-15' });
    expect(toUpdatePairing(pairingForm(view), view)).toEqual({ ok: true, value: {} });
    expect(toUpdatePairing({ ...pairingForm(view), until: '' }, view)).toEqual({ ok: true, value: { until: null } });
    expect(toUpdatePairing({ ...pairingForm(view), since: '2025-10-01' }, view)).toEqual({
      ok: true,
      value: { since: '2025-10-01' },
    });
    expect(toUpdatePairing({ ...pairingForm(pairing()), until: '2026-01-01' }, pairing())).toEqual({
      ok: true,
      value: { until: '2026-01-01' },
    });
    expect(toUpdatePairing({ ...pairingForm(view), until: '2025-01-01' }, view)).toEqual({
      ok: false,
      problem: 'order',
    });
  });
});

describe(pairingRows.name, () => {
  it('names the schools and lists active pairings first', () => {
    const schools = [
      { id: 'urban', name: '第一实验小学' },
      { id: 'rural', name: '汤河乡中心小学' },
    ] as SchoolView[];
    const rows = pairingRows(
      [pairing({ id: 'old', active: false, since: '2024-09-01' }), pairing({ id: 'new', memberSchoolId: 'gone' })],
      schools,
    );
    expect(rows.map((r) => [r.id, r.leadName, r.memberName])).toEqual([
      ['new', '第一实验小学', '?'],
      ['old', '第一实验小学', '汤河乡中心小学'],
    ]);
  });
});
