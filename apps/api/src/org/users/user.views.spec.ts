import { Role } from '@tongke/contracts';
import { Types } from 'mongoose';
import type { User } from '../schemas/user.schema';
import { toUserView } from './user.views';

describe('toUserView', () => {
  const base = {
    _id: new Types.ObjectId('74e9c0000000000000000130'),
    username: 'assistant.liu',
    displayName: '刘强（助教）',
    roles: [Role.ASSISTANT],
    subjects: [],
  };

  it('maps every field and never passes secrets through', () => {
    const user = {
      ...base,
      communityId: new Types.ObjectId('74e9c0000000000000000001'),
      schoolId: new Types.ObjectId('74e9c0000000000000000065'),
      classroomId: new Types.ObjectId('74e9c00000000000000000c9'),
      passwordHash: '$argon2id$v=19$secret',
      totpSecret: 'JBSWY3DPEHPK3PXP',
      totpEnabled: true,
      disabled: true,
      importId: new Types.ObjectId(),
    } as User;
    const view = toUserView(user);
    expect(view).toEqual({
      id: '74e9c0000000000000000130',
      username: 'assistant.liu',
      displayName: '刘强（助教）',
      roles: ['assistant'],
      communityId: '74e9c0000000000000000001',
      schoolId: '74e9c0000000000000000065',
      classroomId: '74e9c00000000000000000c9',
      subjects: [],
      disabled: true,
      totpEnabled: true,
    });
    expect(JSON.stringify(view)).not.toMatch(/argon2|JBSWY3DP/);
  });

  it('leaves out absent placements and defaults the flags to false', () => {
    const view = toUserView(base as unknown as User);
    expect(view).toEqual({ ...view, disabled: false, totpEnabled: false });
    expect(view).not.toHaveProperty('schoolId');
    expect(view).not.toHaveProperty('classroomId');
    expect(view).not.toHaveProperty('communityId');
  });
});
