import { Types } from 'mongoose';
import { distinctIds } from './object-id';

describe(distinctIds.name, () => {
  it('drops repeated ids (equal by value, not by reference) and keeps the first-seen order', () => {
    const a = new Types.ObjectId();
    const b = new Types.ObjectId();
    const again = new Types.ObjectId(a.toHexString());
    expect(distinctIds([b, a, again, b]).map(String)).toEqual([b, a].map(String));
    expect(distinctIds([])).toEqual([]);
  });
});
