import { LessonRole, type MediaSource } from '@tongke/contracts';
import { receivesTrack, seesPeer } from './visibility.policy';

const lead = { id: 'lead', role: LessonRole.LEAD };
const a = { id: 'a', role: LessonRole.CLASSROOM };
const b = { id: 'b', role: LessonRole.CLASSROOM };
const assistantA = { id: 'asA', role: LessonRole.ASSISTANT };
const observer = { id: 'obs', role: LessonRole.OBSERVER };
const viewer = { id: 'v1', role: LessonRole.VIEWER };
const otherViewer = { id: 'v2', role: LessonRole.VIEWER };
const SOURCES: MediaSource[] = ['camera', 'mic', 'screen'];

/** The sources of `owner` that `receiver` gets, with `stage` on stage. */
function received(receiver: typeof lead, owner: typeof lead, stage: string | null = null): MediaSource[] {
  return SOURCES.filter((source) => receivesTrack(receiver, { owner, source }, stage));
}

describe('visibility policy', () => {
  it("gives the lead every classroom's camera and mic", () => {
    expect(received(lead, a)).toEqual(['camera', 'mic']);
    expect(received(lead, b, 'b')).toEqual(['camera', 'mic']);
  });

  it("gives a classroom the lead's camera, mic and screen, and the on-stage classroom's camera and mic", () => {
    expect(received(a, lead)).toEqual(['camera', 'mic', 'screen']);
    expect(received(a, b)).toEqual([]);
    expect(received(a, b, 'b')).toEqual(['camera', 'mic']);
  });

  it('never gives a classroom its own tracks, even on stage', () => {
    expect(received(a, a, 'a')).toEqual([]);
  });

  it("gives an assistant the lead's camera and screen but no audio, and no classroom", () => {
    expect(received(assistantA, lead)).toEqual(['camera', 'screen']);
    expect(received(assistantA, a, 'a')).toEqual([]);
  });

  it('gives an observer everything from the lead and the classrooms', () => {
    expect(received(observer, lead)).toEqual(SOURCES);
    expect(received(observer, a)).toEqual(SOURCES);
  });

  it("gives a broadcast viewer the lead's camera, mic and screen and only the on-stage classroom", () => {
    expect(received(viewer, lead)).toEqual(['camera', 'mic', 'screen']);
    expect(received(viewer, a)).toEqual([]);
    expect(received(viewer, a, 'b')).toEqual([]);
    expect(received(viewer, a, 'a')).toEqual(['camera', 'mic']);
  });

  it('gives nobody what observers, assistants or viewers would publish', () => {
    for (const receiver of [lead, a, assistantA, observer, viewer]) {
      expect(received(receiver, observer)).toEqual([]);
      expect(received(receiver, assistantA)).toEqual([]);
      expect(received(receiver, otherViewer)).toEqual([]);
    }
  });

  it('lists viewers to nobody', () => {
    for (const role of Object.values(LessonRole)) {
      expect(seesPeer(role, LessonRole.VIEWER)).toBe(false);
      expect(seesPeer(role, LessonRole.VIEWER, true)).toBe(false);
    }
  });

  it('lists to a viewer only the lead and the classroom on stage', () => {
    expect(seesPeer(LessonRole.VIEWER, LessonRole.LEAD)).toBe(true);
    expect(seesPeer(LessonRole.VIEWER, LessonRole.CLASSROOM)).toBe(false);
    expect(seesPeer(LessonRole.VIEWER, LessonRole.CLASSROOM, true)).toBe(true);
    expect(seesPeer(LessonRole.VIEWER, LessonRole.ASSISTANT)).toBe(false);
    expect(seesPeer(LessonRole.VIEWER, LessonRole.OBSERVER)).toBe(false);
  });

  it('hides observers from classrooms, assistants and meeting members only', () => {
    expect(seesPeer(LessonRole.MEMBER, LessonRole.OBSERVER)).toBe(false);
    expect(seesPeer(LessonRole.CLASSROOM, LessonRole.OBSERVER)).toBe(false);
    expect(seesPeer(LessonRole.ASSISTANT, LessonRole.OBSERVER)).toBe(false);
    expect(seesPeer(LessonRole.LEAD, LessonRole.OBSERVER)).toBe(true);
    expect(seesPeer(LessonRole.OBSERVER, LessonRole.OBSERVER)).toBe(true);
    const participants = Object.values(LessonRole).filter((r) => r !== LessonRole.VIEWER);
    for (const who of participants) {
      expect(seesPeer(who, LessonRole.LEAD)).toBe(true);
      expect(seesPeer(who, LessonRole.CLASSROOM)).toBe(true);
      expect(seesPeer(who, LessonRole.ASSISTANT)).toBe(true);
    }
  });
});

describe('visibility policy in a meeting (网络教研)', () => {
  const host = { id: 'host', role: LessonRole.LEAD };
  const m1 = { id: 'm1', role: LessonRole.MEMBER };
  const m2 = { id: 'm2', role: LessonRole.MEMBER };

  it("gives the host and every member the others' camera, mic and screen, never their own", () => {
    expect(received(host, m1)).toEqual(SOURCES);
    expect(received(m1, host)).toEqual(SOURCES);
    expect(received(m1, m2)).toEqual(SOURCES);
    expect(received(m2, m1)).toEqual(SOURCES);
    expect(received(m1, m1)).toEqual([]);
  });

  it('gives observers everything, and nothing from observers to members', () => {
    expect(received(observer, m1)).toEqual(SOURCES);
    expect(received(observer, host)).toEqual(SOURCES);
    expect(received(m1, observer)).toEqual([]);
  });

  it('keeps the lesson rules: members are never received by classrooms, assistants or viewers', () => {
    expect(received(a, m1)).toEqual([]);
    expect(received(assistantA, m1)).toEqual([]);
    expect(received(viewer, m1, 'm1')).toEqual([]);
    expect(received(lead, a)).toEqual(['camera', 'mic']);
  });

  it('lets members see each other and the host', () => {
    expect(seesPeer(LessonRole.MEMBER, LessonRole.MEMBER)).toBe(true);
    expect(seesPeer(LessonRole.MEMBER, LessonRole.LEAD)).toBe(true);
    expect(seesPeer(LessonRole.LEAD, LessonRole.MEMBER)).toBe(true);
    expect(seesPeer(LessonRole.OBSERVER, LessonRole.MEMBER)).toBe(true);
    expect(seesPeer(LessonRole.MEMBER, LessonRole.VIEWER)).toBe(false);
  });
});
