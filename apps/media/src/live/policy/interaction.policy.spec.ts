import { DEFAULT_PERMISSIONS, INTERACTION_MODES, LessonRole, type PermissionSet } from '@tongke/contracts';
import { actionDenial, controlDenial, type Actor, type LiveAction } from './interaction.policy';

const actor = (role: LessonRole, permissions: Partial<PermissionSet> = {}, classroomId?: string): Actor => ({
  role,
  classroomId,
  permissions: { ...DEFAULT_PERMISSIONS[role], ...permissions },
});
const lead = actor(LessonRole.LEAD);
const classroom = actor(LessonRole.CLASSROOM, {}, 'A');
const assistant = actor(LessonRole.ASSISTANT, {}, 'A');
const observer = actor(LessonRole.OBSERVER);

const code = (a: Actor, action: LiveAction, mode: 'open' | 'paused' | 'disabled' = 'open') =>
  actionDenial(a, action, mode)?.code ?? 'OK';

describe('interaction policy: may this participant do it?', () => {
  it('lets each role publish only its own sources', () => {
    const publish = (a: Actor) =>
      (['camera', 'mic', 'screen'] as const).map((source) => code(a, { kind: 'publish', source }));
    expect(publish(lead)).toEqual(['OK', 'OK', 'OK']);
    expect(publish(classroom)).toEqual(['OK', 'OK', 'FORBIDDEN']);
    expect(publish(assistant)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    expect(publish(observer)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
  });

  it('lets a broadcast viewer do nothing but watch, whatever permissions it were given', () => {
    const viewer = actor(LessonRole.VIEWER, { video: true, audio: true, chat: true, annotate: true, file: true });
    const actions: LiveAction[] = [
      { kind: 'publish', source: 'camera' },
      { kind: 'unmute', source: 'mic' },
      { kind: 'raise-hand' },
      { kind: 'chat' },
      { kind: 'annotate' },
      { kind: 'share-file' },
      { kind: 'add-note' },
      { kind: 'answer-quiz' },
      { kind: 'lead-control' },
    ];
    expect(actions.map((a) => code(viewer, a))).toEqual(actions.map(() => 'FORBIDDEN'));
  });

  it('checks the permission each source needs', () => {
    expect(code(actor(LessonRole.CLASSROOM, { video: false }), { kind: 'publish', source: 'camera' })).toBe(
      'PERMISSION_DENIED',
    );
    expect(code(actor(LessonRole.CLASSROOM, { audio: false }), { kind: 'publish', source: 'mic' })).toBe(
      'PERMISSION_DENIED',
    );
    expect(code(actor(LessonRole.LEAD, { screen: false }), { kind: 'publish', source: 'screen' })).toBe(
      'PERMISSION_DENIED',
    );
  });

  it('lets a classroom publish while interaction is held (its audio stays paused server-side)', () => {
    expect(code(classroom, { kind: 'publish', source: 'mic' }, 'disabled')).toBe('OK');
  });

  it('refuses unmuting, hands, chat, annotation and files while paused or disabled, except for the lead', () => {
    const actions: LiveAction[] = [
      { kind: 'unmute', source: 'mic' },
      { kind: 'unmute', source: 'camera' },
      { kind: 'raise-hand' },
      { kind: 'chat' },
      { kind: 'annotate' },
      { kind: 'share-file' },
    ];
    const granted = actor(LessonRole.CLASSROOM, { annotate: true, file: true }, 'A');
    for (const action of actions) {
      expect([
        code(granted, action, 'open'),
        code(granted, action, 'paused'),
        code(granted, action, 'disabled'),
      ]).toEqual(['OK', 'INTERACTION_PAUSED', 'INTERACTION_DISABLED']);
    }
    for (const mode of INTERACTION_MODES) {
      expect(code(lead, { kind: 'unmute', source: 'mic' }, mode)).toBe('OK');
      expect(code(lead, { kind: 'chat' }, mode)).toBe('OK');
    }
  });

  it('checks the role before the mode and the mode before the permission', () => {
    expect(code(observer, { kind: 'chat' }, 'disabled')).toBe('FORBIDDEN');
    const muted = actor(LessonRole.CLASSROOM, { chat: false }, 'A');
    expect(code(muted, { kind: 'chat' }, 'paused')).toBe('INTERACTION_PAUSED');
    expect(code(muted, { kind: 'chat' }, 'open')).toBe('PERMISSION_DENIED');
  });

  it('uses the default permissions: classrooms chat but do not annotate or share files', () => {
    expect(code(classroom, { kind: 'chat' })).toBe('OK');
    expect(code(classroom, { kind: 'annotate' })).toBe('PERMISSION_DENIED');
    expect(code(classroom, { kind: 'share-file' })).toBe('PERMISSION_DENIED');
    expect(code(lead, { kind: 'annotate' })).toBe('OK');
    expect(code(assistant, { kind: 'chat' })).toBe('OK');
  });

  it('lets hands and quiz answers come from classrooms and their assistants only', () => {
    for (const kind of ['raise-hand', 'answer-quiz'] as const) {
      expect([lead, classroom, assistant, observer].map((a) => code(a, { kind }))).toEqual([
        'FORBIDDEN',
        'OK',
        'OK',
        'FORBIDDEN',
      ]);
    }
    expect(code(classroom, { kind: 'answer-quiz' }, 'disabled')).toBe('OK');
  });

  it('keeps notes for observers and controls for the lead', () => {
    expect([lead, classroom, assistant, observer].map((a) => code(a, { kind: 'add-note' }))).toEqual([
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'OK',
    ]);
    expect([lead, classroom, assistant, observer].map((a) => code(a, { kind: 'lead-control' }))).toEqual([
      'OK',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
    ]);
  });
});

describe('interaction policy: may this participant control that one?', () => {
  const otherClassroom = actor(LessonRole.CLASSROOM, {}, 'B');
  const control = (a: Actor, t: Actor, c: Parameters<typeof controlDenial>[2], mode: 'open' | 'paused' | 'disabled') =>
    controlDenial(a, t, c, mode)?.code ?? 'OK';

  it('lets the lead mute, unmute and set permissions of anyone but itself, in any mode', () => {
    for (const mode of INTERACTION_MODES) {
      expect(control(lead, classroom, { kind: 'mute', source: 'mic' }, mode)).toBe('OK');
      expect(control(lead, classroom, { kind: 'unmute', source: 'mic' }, mode)).toBe('OK');
      expect(control(lead, observer, { kind: 'permissions', changes: { chat: true } }, mode)).toBe('OK');
    }
    expect(control(lead, lead, { kind: 'mute', source: 'mic' }, 'open')).toBe('FORBIDDEN');
  });

  it('lets an assistant control its own classroom only, and only its audio permission', () => {
    expect(control(assistant, classroom, { kind: 'mute', source: 'mic' }, 'open')).toBe('OK');
    expect(control(assistant, otherClassroom, { kind: 'mute', source: 'mic' }, 'open')).toBe('FORBIDDEN');
    expect(control(assistant, classroom, { kind: 'permissions', changes: { audio: false } }, 'open')).toBe('OK');
    expect(control(assistant, classroom, { kind: 'permissions', changes: { chat: false } }, 'open')).toBe('FORBIDDEN');
  });

  it("refuses an assistant's re-enabling while interaction is held, but not its muting", () => {
    expect(control(assistant, classroom, { kind: 'unmute', source: 'mic' }, 'paused')).toBe('INTERACTION_PAUSED');
    expect(control(assistant, classroom, { kind: 'permissions', changes: { audio: true } }, 'disabled')).toBe(
      'INTERACTION_DISABLED',
    );
    expect(control(assistant, classroom, { kind: 'mute', source: 'mic' }, 'disabled')).toBe('OK');
  });

  it("needs the target's permission to unmute it", () => {
    const noAudio = actor(LessonRole.CLASSROOM, { audio: false }, 'A');
    expect(control(lead, noAudio, { kind: 'unmute', source: 'mic' }, 'open')).toBe('PERMISSION_DENIED');
  });

  it('refuses classrooms and observers controlling anyone', () => {
    expect(control(classroom, otherClassroom, { kind: 'mute', source: 'mic' }, 'open')).toBe('FORBIDDEN');
    expect(control(observer, classroom, { kind: 'mute', source: 'mic' }, 'open')).toBe('FORBIDDEN');
  });
});
