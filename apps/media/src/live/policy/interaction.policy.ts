import {
  ErrorCode,
  LessonRole,
  type ErrorBody,
  type InteractionMode,
  type MediaSource,
  type Permission,
  type PermissionSet,
} from '@tongke/contracts';

/** What a participant asks to do on its own behalf. */
export type LiveAction =
  | { kind: 'publish'; source: MediaSource }
  | { kind: 'unmute'; source: MediaSource }
  | { kind: 'raise-hand' }
  | { kind: 'chat' }
  | { kind: 'annotate' }
  | { kind: 'share-file' }
  | { kind: 'add-note' }
  | { kind: 'answer-quiz' }
  /** Lead-only controls: stage, quizzes, interaction mode, ending the lesson, lowering anyone's hand. */
  | { kind: 'lead-control' };

/** What a participant asks to do to another participant. */
export type PeerControl =
  | { kind: 'mute'; source: 'mic' | 'camera' }
  | { kind: 'unmute'; source: 'mic' | 'camera' }
  | { kind: 'permissions'; changes: Partial<PermissionSet> };

export interface Actor {
  role: LessonRole;
  classroomId?: string;
  permissions: PermissionSet;
}

/** The permissions a published source needs (screen video needs both `video` and `screen`). */
export const SOURCE_PERMISSIONS: Record<MediaSource, Permission[]> = {
  camera: ['video'],
  mic: ['audio'],
  screen: ['video', 'screen'],
};

const PUBLISHABLE: Partial<Record<LessonRole, MediaSource[]>> = {
  [LessonRole.LEAD]: ['camera', 'mic', 'screen'],
  [LessonRole.CLASSROOM]: ['camera', 'mic'],
  [LessonRole.MEMBER]: ['camera', 'mic', 'screen'],
};

const deny = (code: ErrorCode, message: string): ErrorBody => ({ code, message });
const forbidden = (message: string) => deny(ErrorCode.FORBIDDEN, message);

/** Refusal for a non-lead participant while the lead teacher has paused or disabled interaction. */
export function interactionDenial(role: LessonRole, mode: InteractionMode): ErrorBody | null {
  if (role === LessonRole.LEAD || mode === 'open') return null;
  return mode === 'paused'
    ? deny(ErrorCode.INTERACTION_PAUSED, 'the teacher has paused interaction')
    : deny(ErrorCode.INTERACTION_DISABLED, 'the teacher has disabled all interaction');
}

function permissionDenial(permissions: PermissionSet, needed: Permission[]): ErrorBody | null {
  const missing = needed.find((p) => !permissions[p]);
  return missing ? deny(ErrorCode.PERMISSION_DENIED, `the "${missing}" permission is off`) : null;
}

function roleDenial(actor: Actor, action: LiveAction): ErrorBody | null {
  const { role } = actor;
  switch (action.kind) {
    case 'publish':
    case 'unmute':
      return PUBLISHABLE[role]?.includes(action.source) ? null : forbidden(`a ${role} cannot publish ${action.source}`);
    case 'raise-hand':
    case 'answer-quiz':
      return role === LessonRole.CLASSROOM || role === LessonRole.ASSISTANT
        ? null
        : forbidden('only a classroom or its assistant can do this');
    case 'chat':
    case 'annotate':
    case 'share-file':
      if (role === LessonRole.VIEWER) return forbidden('broadcast viewers only watch');
      return role === LessonRole.OBSERVER ? forbidden('observers cannot do this') : null;
    case 'add-note':
      return role === LessonRole.OBSERVER ? null : forbidden('only observers leave notes');
    case 'lead-control':
      return role === LessonRole.LEAD ? null : forbidden('only the lead teacher can do this');
  }
}

const NEEDS_OPEN_INTERACTION = new Set<LiveAction['kind']>(['unmute', 'raise-hand', 'chat', 'annotate', 'share-file']);

function neededPermissions(action: LiveAction): Permission[] {
  switch (action.kind) {
    case 'publish':
    case 'unmute':
      return SOURCE_PERMISSIONS[action.source];
    case 'chat':
      return ['chat'];
    case 'annotate':
      return ['annotate'];
    case 'share-file':
      return ['file'];
    default:
      return [];
  }
}

/**
 * May this participant do this now? `null` if yes, otherwise the refusal. Checked in order:
 * role (FORBIDDEN), the lesson's interaction mode (INTERACTION_PAUSED / _DISABLED; never for the lead;
 * publishing is allowed because held audio stays paused server-side), then the permission (PERMISSION_DENIED).
 */
export function actionDenial(actor: Actor, action: LiveAction, mode: InteractionMode): ErrorBody | null {
  const byRole = roleDenial(actor, action);
  if (byRole) return byRole;
  if (NEEDS_OPEN_INTERACTION.has(action.kind)) {
    const byMode = interactionDenial(actor.role, mode);
    if (byMode) return byMode;
  }
  return permissionDenial(actor.permissions, neededPermissions(action));
}

function controllerDenial(actor: Actor, target: Actor): ErrorBody | null {
  if (target.role === LessonRole.LEAD) return forbidden("the lead teacher's media and permissions are not controlled");
  if (actor.role === LessonRole.LEAD) return null;
  if (actor.role !== LessonRole.ASSISTANT) return forbidden('only the lead teacher or an assistant can do this');
  const own = target.role === LessonRole.CLASSROOM && !!actor.classroomId && target.classroomId === actor.classroomId;
  return own ? null : forbidden('an assistant controls its own classroom only');
}

/**
 * May `actor` apply `control` to `target`? The lead controls anyone but itself; an assistant mutes and
 * unmutes its own classroom and sets only its `audio` permission. Re-enabling (unmute, granting) by an
 * assistant is refused while interaction is paused or disabled; unmuting needs the target's permission.
 */
export function controlDenial(
  actor: Actor,
  target: Actor,
  control: PeerControl,
  mode: InteractionMode,
): ErrorBody | null {
  const byRole = controllerDenial(actor, target);
  if (byRole) return byRole;
  const reEnabling =
    control.kind === 'unmute' ||
    (control.kind === 'permissions' && Object.values(control.changes).some((granted) => granted === true));
  if (control.kind === 'permissions' && actor.role === LessonRole.ASSISTANT) {
    const keys = Object.keys(control.changes);
    if (keys.some((k) => k !== 'audio')) return forbidden('an assistant may change the audio permission only');
  }
  if (reEnabling) {
    const byMode = interactionDenial(actor.role, mode);
    if (byMode) return byMode;
  }
  if (control.kind === 'unmute') return permissionDenial(target.permissions, SOURCE_PERMISSIONS[control.source]);
  return null;
}
