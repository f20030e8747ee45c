import { LessonRole, type MediaSource } from '@tongke/contracts';

const PUBLISHING_ROLES: ReadonlySet<LessonRole> = new Set([LessonRole.LEAD, LessonRole.CLASSROOM, LessonRole.MEMBER]);

/** Who is involved in a media decision: the participant's id and lesson role. */
export interface MediaParty {
  id: string;
  role: LessonRole;
}

/** A published track, as the visibility policy sees it. */
export interface TrackRef {
  owner: MediaParty;
  source: MediaSource;
}

/**
 * Whether `receiver` gets a consumer for `track`:
 * - the lead receives every classroom's camera and mic;
 * - a classroom receives the lead's camera, mic and screen, plus the on-stage classroom's camera and mic
 *   (never its own);
 * - an assistant receives the lead's camera and screen, no audio (it sits in the classroom: no echo);
 * - an observer receives everything the lead and the classrooms publish;
 * - a broadcast viewer receives what a classroom does: the lead's camera, mic and screen and the
 *   on-stage classroom's camera and mic;
 * - observers, assistants and viewers publish nothing, so nobody receives them;
 * - in a meeting (网络教研: only LEAD = the host, MEMBERs and observers), the host and every member
 *   receive every camera, mic and screen of the other host/members; observers receive everything.
 * Members exist only in meetings and classrooms never do, so the lesson rules are untouched.
 */
export function receivesTrack(receiver: MediaParty, track: TrackRef, stagePeerId: string | null): boolean {
  const { owner, source } = track;
  if (owner.id === receiver.id) return false;
  if (!PUBLISHING_ROLES.has(owner.role)) return false;
  const fromLead = owner.role === LessonRole.LEAD;
  switch (receiver.role) {
    case LessonRole.LEAD:
      if (owner.role === LessonRole.MEMBER) return true;
      return !fromLead && (source === 'camera' || source === 'mic');
    case LessonRole.MEMBER:
      return fromLead || owner.role === LessonRole.MEMBER;
    case LessonRole.CLASSROOM:
    case LessonRole.VIEWER:
      if (fromLead) return true;
      return (
        owner.role === LessonRole.CLASSROOM && owner.id === stagePeerId && (source === 'camera' || source === 'mic')
      );
    case LessonRole.ASSISTANT:
      return fromLead && (source === 'camera' || source === 'screen');
    case LessonRole.OBSERVER:
      return true;
  }
}

/**
 * Whether `viewer` is told about `subject` at all: classrooms, assistants and meeting members never
 * see observers (members see each other and the host);
 * nobody sees broadcast viewers; a viewer sees only the lead and the classroom on stage
 * (`subjectOnStage`).
 */
export function seesPeer(viewer: LessonRole, subject: LessonRole, subjectOnStage = false): boolean {
  if (subject === LessonRole.VIEWER) return false;
  if (viewer === LessonRole.VIEWER)
    return subject === LessonRole.LEAD || (subject === LessonRole.CLASSROOM && subjectOnStage);
  if (subject !== LessonRole.OBSERVER) return true;
  return viewer === LessonRole.LEAD || viewer === LessonRole.OBSERVER;
}
