import { Types } from 'mongoose';
import type { Pairing } from '../schemas/pairing.schema';
import { toPairingView } from './pairing.views';

describe('toPairingView', () => {
  const pairing: Pairing = {
    _id: new Types.ObjectId('74e9c0000000000000000258'),
    communityId: new Types.ObjectId('74e9c0000000000000000001'),
    leadSchoolId: new Types.ObjectId('74e9c0000000000000000064'),
    memberSchoolId: new Types.ObjectId('74e9c0000000000000000065'),
    since: '2024-09-01',
  };

  it('maps ids and dates, active on the given day', () => {
    expect(toPairingView(pairing, '2026-03-02')).toEqual({
      id: '74e9c0000000000000000258',
      communityId: '74e9c0000000000000000001',
      leadSchoolId: '74e9c0000000000000000064',
      memberSchoolId: '74e9c0000000000000000065',
      since: '2024-09-01',
      active: true,
    });
    expect(toPairingView({ ...pairing, until: '2025-07-15' }, '2026-03-02')).toMatchObject({
      until: '2025-07-15',
      active: false,
    });
    expect(toPairingView(pairing, '2024-08-31').active).toBe(false);
  });
});
