import { Types } from 'mongoose';
import { meetingAudience } from './meeting-audience.policy';

describe('meetingAudience', () => {
  const host = new Types.ObjectId();
  const member = new Types.ObjectId();
  const observer = new Types.ObjectId();

  it("restricts a meeting's recording to its host, members and observers, each once", () => {
    const audience = meetingAudience({
      kind: 'meeting',
      leadTeacherId: host,
      memberIds: [member, host],
      observerIds: [observer, member],
    });
    expect(audience?.map((id) => id.toHexString())).toEqual([host, member, observer].map((id) => id.toHexString()));
  });

  it("leaves a lesson's recording to its visibility", () => {
    expect(meetingAudience({ kind: 'scheduled', leadTeacherId: host, memberIds: [member] })).toBeUndefined();
    expect(meetingAudience({ leadTeacherId: host })).toBeUndefined();
  });
});
