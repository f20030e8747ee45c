import { LessonRole, Role } from '@tongke/contracts';
import { Types } from 'mongoose';
import { canReadRecord, type LessonUser, readsAllNotes, resolveLessonRole } from './lesson-role.policy';

const community = new Types.ObjectId();
const lead = new Types.ObjectId();
const invited = new Types.ObjectId();
const other = new Types.ObjectId();
const session = { communityId: community, leadTeacherId: lead, classroomIds: [invited] };

const user = (roles: Role[], extra: Partial<LessonUser> = {}): LessonUser => ({
  _id: new Types.ObjectId(),
  roles,
  communityId: community,
  ...extra,
});

describe(resolveLessonRole.name, () => {
  it('makes the session’s lead teacher the lead', () => {
    expect(resolveLessonRole(user([Role.TEACHER], { _id: lead }), session)).toBe(LessonRole.LEAD);
  });

  it('makes an invited classroom’s terminal the classroom and its assistant the assistant', () => {
    expect(resolveLessonRole(user([Role.TERMINAL], { classroomId: invited }), session)).toBe(LessonRole.CLASSROOM);
    expect(resolveLessonRole(user([Role.ASSISTANT], { classroomId: invited }), session)).toBe(LessonRole.ASSISTANT);
  });

  it('refuses terminals and assistants of classrooms that are not invited', () => {
    expect(resolveLessonRole(user([Role.TERMINAL], { classroomId: other }), session)).toBeNull();
    expect(resolveLessonRole(user([Role.ASSISTANT], { classroomId: other }), session)).toBeNull();
    expect(resolveLessonRole(user([Role.TERMINAL]), session)).toBeNull();
  });

  it('lets other teachers, research officers and admins of the community observe', () => {
    for (const role of [Role.TEACHER, Role.RESEARCH_OFFICER, Role.COMMUNITY_ADMIN, Role.DISTRICT_ADMIN]) {
      expect(resolveLessonRole(user([role]), session)).toBe(LessonRole.OBSERVER);
    }
  });

  it('gives the observer role on request to those allowed to observe, not to terminals', () => {
    expect(resolveLessonRole(user([Role.TEACHER], { _id: lead }), session, true)).toBe(LessonRole.OBSERVER);
    expect(resolveLessonRole(user([Role.TERMINAL], { classroomId: invited }), session, true)).toBeNull();
    expect(resolveLessonRole(user([Role.ASSISTANT], { classroomId: invited }), session, true)).toBeNull();
  });

  it('refuses everyone from another community, even with the lead’s id', () => {
    const foreign = { communityId: new Types.ObjectId() };
    expect(resolveLessonRole(user([Role.TEACHER], { _id: lead, ...foreign }), session)).toBeNull();
    expect(resolveLessonRole(user([Role.COMMUNITY_ADMIN], foreign), session)).toBeNull();
    expect(resolveLessonRole(user([Role.TEACHER], { communityId: undefined }), session)).toBeNull();
  });
});

describe(canReadRecord.name, () => {
  it('lets the lead, invited classrooms, assistants and admins read, and attendees', () => {
    expect(canReadRecord(user([Role.TEACHER], { _id: lead }), session, false)).toBe(true);
    expect(canReadRecord(user([Role.TERMINAL], { classroomId: invited }), session, false)).toBe(true);
    expect(canReadRecord(user([Role.ASSISTANT], { classroomId: invited }), session, false)).toBe(true);
    expect(canReadRecord(user([Role.COMMUNITY_ADMIN]), session, false)).toBe(true);
    expect(canReadRecord(user([Role.RESEARCH_OFFICER]), session, true)).toBe(true);
  });

  it('refuses non-participants', () => {
    expect(canReadRecord(user([Role.RESEARCH_OFFICER]), session, false)).toBe(false);
    expect(canReadRecord(user([Role.TEACHER]), session, false)).toBe(false);
    expect(canReadRecord(user([Role.TERMINAL], { classroomId: other }), session, false)).toBe(false);
    expect(canReadRecord(user([Role.COMMUNITY_ADMIN], { communityId: new Types.ObjectId() }), session, true)).toBe(
      false,
    );
  });
});

describe(readsAllNotes.name, () => {
  it('is true for the lead and admins only', () => {
    expect(readsAllNotes(user([Role.TEACHER], { _id: lead }), session)).toBe(true);
    expect(readsAllNotes(user([Role.COMMUNITY_ADMIN]), session)).toBe(true);
    expect(readsAllNotes(user([Role.TERMINAL], { classroomId: invited }), session)).toBe(false);
    expect(readsAllNotes(user([Role.RESEARCH_OFFICER]), session)).toBe(false);
  });
});

describe(`${resolveLessonRole.name} in a meeting (网络教研)`, () => {
  const member = new Types.ObjectId();
  const meeting = {
    communityId: community,
    leadTeacherId: lead,
    classroomIds: [],
    kind: 'meeting' as const,
    memberIds: [member],
  };

  it('makes the host the lead and the listed members MEMBERs', () => {
    expect(resolveLessonRole(user([Role.TEACHER], { _id: lead }), meeting)).toBe(LessonRole.LEAD);
    expect(resolveLessonRole(user([Role.TEACHER], { _id: member }), meeting)).toBe(LessonRole.MEMBER);
  });

  it('lets research officers, admins and its listed observers observe, and a member ask to observe', () => {
    for (const role of [Role.RESEARCH_OFFICER, Role.COMMUNITY_ADMIN]) {
      expect(resolveLessonRole(user([role]), meeting)).toBe(LessonRole.OBSERVER);
    }
    const listed = new Types.ObjectId();
    const withObserver = { ...meeting, observerIds: [listed] };
    expect(resolveLessonRole(user([Role.TEACHER], { _id: listed }), withObserver)).toBe(LessonRole.OBSERVER);
    expect(resolveLessonRole(user([Role.TEACHER], { _id: member }), meeting, true)).toBe(LessonRole.OBSERVER);
  });

  it('keeps a group’s meeting from other teachers and school admins of the community', () => {
    expect(resolveLessonRole(user([Role.TEACHER]), meeting)).toBeNull();
    expect(resolveLessonRole(user([Role.TEACHER]), meeting, true)).toBeNull();
    expect(resolveLessonRole(user([Role.SCHOOL_ADMIN]), meeting)).toBeNull();
  });

  it('refuses terminals, assistants and unlisted people of other communities', () => {
    expect(resolveLessonRole(user([Role.TERMINAL], { classroomId: invited }), meeting)).toBeNull();
    expect(resolveLessonRole(user([Role.ASSISTANT], { classroomId: invited }), meeting)).toBeNull();
    const elsewhere = new Types.ObjectId();
    for (const role of [Role.TEACHER, Role.RESEARCH_OFFICER, Role.COMMUNITY_ADMIN]) {
      expect(resolveLessonRole(user([role], { communityId: elsewhere }), meeting, true)).toBeNull();
    }
  });

  it('lets listed members and observers from another community of the district in', () => {
    const elsewhere = new Types.ObjectId();
    const guest = new Types.ObjectId();
    const withGuest = { ...meeting, observerIds: [guest] };
    expect(resolveLessonRole(user([Role.TEACHER], { _id: member, communityId: elsewhere }), meeting)).toBe(
      LessonRole.MEMBER,
    );
    expect(resolveLessonRole(user([Role.TEACHER], { _id: guest, communityId: elsewhere }), withGuest)).toBe(
      LessonRole.OBSERVER,
    );
    expect(canReadRecord(user([Role.TEACHER], { _id: member, communityId: elsewhere }), meeting, false)).toBe(true);
    // A lesson of another community: its listed observers observe (only), member ids count for nothing.
    const lesson = { ...session, kind: 'instant' as const, memberIds: [member], observerIds: [guest] };
    expect(resolveLessonRole(user([Role.TEACHER], { _id: guest, communityId: elsewhere }), lesson)).toBe(
      LessonRole.OBSERVER,
    );
    expect(resolveLessonRole(user([Role.TEACHER], { _id: member, communityId: elsewhere }), lesson)).toBeNull();
    expect(resolveLessonRole(user([Role.ASSISTANT], { _id: guest, communityId: elsewhere }), lesson)).toBeNull();
  });

  it('makes member ids count only in meetings', () => {
    const lesson = { ...session, kind: 'instant' as const, memberIds: [member] };
    expect(resolveLessonRole(user([Role.TEACHER], { _id: member }), lesson)).toBe(LessonRole.OBSERVER);
  });

  it('lets members read the record', () => {
    expect(canReadRecord(user([Role.TEACHER], { _id: member }), meeting, false)).toBe(true);
    expect(canReadRecord(user([Role.TEACHER]), meeting, false)).toBe(false);
  });
});
