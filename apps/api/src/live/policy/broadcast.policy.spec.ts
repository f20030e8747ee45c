import { ErrorCode, Role } from '@tongke/contracts';
import { Types } from 'mongoose';
import { managesBroadcast, seesBroadcast, watchRefusal } from './broadcast.policy';
import type { LessonUser } from './lesson-role.policy';

const community = new Types.ObjectId();
const lead = new Types.ObjectId();
const invited = new Types.ObjectId();
const session = (broadcast: boolean) => ({
  communityId: community,
  leadTeacherId: lead,
  classroomIds: [invited],
  broadcast,
});

const user = (roles: Role[], extra: Partial<LessonUser> = {}): LessonUser => ({
  _id: new Types.ObjectId(),
  roles,
  communityId: community,
  ...extra,
});

describe(watchRefusal.name, () => {
  it('lets any member of the community but terminals watch a broadcast lesson', () => {
    for (const role of [
      Role.TEACHER,
      Role.ASSISTANT,
      Role.RESEARCH_OFFICER,
      Role.SCHOOL_ADMIN,
      Role.COMMUNITY_ADMIN,
      Role.DISTRICT_ADMIN,
    ]) {
      expect(watchRefusal(user([role]), session(true))).toBeNull();
      expect(seesBroadcast(user([role]), session(true))).toBe(true);
    }
    expect(watchRefusal(user([Role.TEACHER], { _id: lead }), session(true))).toBeNull();
  });

  it('refuses terminals, even of an invited classroom', () => {
    expect(watchRefusal(user([Role.TERMINAL], { classroomId: invited }), session(true))?.code).toBe(
      ErrorCode.FORBIDDEN,
    );
    expect(seesBroadcast(user([Role.TERMINAL]), session(true))).toBe(false);
  });

  it('refuses everyone while the lesson is not broadcast', () => {
    const refusal = watchRefusal(user([Role.TEACHER]), session(false));
    expect(refusal?.code).toBe(ErrorCode.FORBIDDEN);
    expect(refusal?.message).toMatch(/not broadcast/);
  });

  it('does not reveal lessons of another community', () => {
    const stranger = user([Role.TEACHER], { communityId: new Types.ObjectId() });
    expect(watchRefusal(stranger, session(true))?.code).toBe(ErrorCode.NOT_FOUND);
  });
});

describe(managesBroadcast.name, () => {
  it('lets the lead teacher and the community’s admins open or close the broadcast', () => {
    expect(managesBroadcast(user([Role.TEACHER], { _id: lead }), session(false))).toBe(true);
    expect(managesBroadcast(user([Role.COMMUNITY_ADMIN]), session(false))).toBe(true);
    expect(managesBroadcast(user([Role.DISTRICT_ADMIN]), session(false))).toBe(true);
  });

  it('refuses other teachers, school admins, research officers, terminals and other communities', () => {
    for (const role of [Role.TEACHER, Role.SCHOOL_ADMIN, Role.RESEARCH_OFFICER, Role.TERMINAL, Role.ASSISTANT]) {
      expect(managesBroadcast(user([role]), session(true))).toBe(false);
    }
    const otherAdmin = user([Role.COMMUNITY_ADMIN], { communityId: new Types.ObjectId() });
    expect(managesBroadcast(otherAdmin, session(true))).toBe(false);
    const otherLead = user([Role.TEACHER], { _id: lead, communityId: new Types.ObjectId() });
    expect(managesBroadcast(otherLead, session(true))).toBe(false);
  });
});
