import { LessonRole, type MediaSource } from '@tongke/contracts';

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
 * - observers, assistants and viewers publish nothing, so nobody receives them.
 */
export function receivesTrack(receiver: MediaParty, track: TrackRef, stagePeerId: string | null): boolean {
  const { owner, source } = track;
  if (owner.id === receiver.id) return false;
  if (owner.role !== LessonRole.LEAD && owner.role !== LessonRole.CLASSROOM) return false;
  const fromLead = owner.role === LessonRole.LEAD;
  switch (receiver.role) {
    case LessonRole.LEAD:
      return !fromLead && (source === 'camera' || source === 'mic');
    case LessonRole.CLASSROOM:
    case LessonRole.VIEWER:
      if (fromLead) return true;
      return owner.id === stagePeerId && (source === 'camera' || source === 'mic');
    case LessonRole.ASSISTANT:
      return fromLead && (source === 'camera' || source === 'screen');
    case LessonRole.OBSERVER:
      return true;
  }
}

/**
 * Whether `viewer` is told about `subject` at all: classrooms and assistants never see observers;
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
