import { describe, expect, it } from '@jest/globals';
import { LessonRole } from './contract-values';
import { createLiveState } from './live-state';
import { addConsumer, addStroke, applyRoomJoined, consumerViewOf, setStage } from './live-state.reducer';
import { offer, peer, roomJoined } from './testing/live-fixtures';
import { viewerLayout } from './viewer-layout';

function viewing() {
  const state = createLiveState('s1');
  const self = peer('me', { role: LessonRole.VIEWER, classroomId: undefined });
  applyRoomJoined(state, roomJoined(self, [peer('lead', { role: LessonRole.LEAD }), peer('a', { name: '汤河乡' })]));
  addConsumer(state, consumerViewOf(offer('cam', 'lead')));
  addConsumer(state, consumerViewOf(offer('mic', 'lead', { kind: 'audio', source: 'mic' })));
  return state;
}

describe(viewerLayout.name, () => {
  it("shows the lead's camera large, without a board or a stage", () => {
    expect(viewerLayout(viewing())).toMatchObject({
      teacher: { id: 'cam' },
      screen: undefined,
      showBoard: false,
      stage: undefined,
      stageName: '',
    });
  });

  it('puts the shared screen beside the teacher, and the board once the lead draws', () => {
    const state = viewing();
    addStroke(state, { id: 's', at: '', peerId: 'lead', points: [[0, 0]], color: '#000000', width: 2, tool: 'pen' });
    expect(viewerLayout(state).showBoard).toBe(true);
    addConsumer(state, consumerViewOf(offer('scr', 'lead', { source: 'screen' })));
    expect(viewerLayout(state)).toMatchObject({ screen: { id: 'scr' }, teacher: { id: 'cam' }, showBoard: true });
  });

  it('shows the on-stage classroom small, by name', () => {
    const state = viewing();
    setStage(state, 'a');
    expect(viewerLayout(state).stage).toBeUndefined();
    addConsumer(state, consumerViewOf(offer('a-cam', 'a')));
    expect(viewerLayout(state)).toMatchObject({ stage: { id: 'a-cam' }, stageName: '汤河乡' });
  });

  it('shows no video in audio-only mode', () => {
    const state = viewing();
    state.linkMode = 'audio-only';
    expect(viewerLayout(state)).toMatchObject({ teacher: undefined, screen: undefined, stage: undefined });
  });
});
