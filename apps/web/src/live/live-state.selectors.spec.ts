import { describe, expect, it } from '@jest/globals';
import { LessonRole } from './contract-values';
import { createLiveState } from './live-state';
import { addConsumer, applyRoomJoined, consumerViewOf, setHands } from './live-state.reducer';
import * as sel from './live-state.selectors';
import { offer, peer, roomJoined } from './testing/live-fixtures';

function state(selfRole = LessonRole.LEAD) {
  const s = createLiveState('s1');
  const self = peer('me', { role: selfRole, classroomId: 'c-b' });
  const others = [
    peer('lead', { role: LessonRole.LEAD, name: '李老师' }),
    peer('b', { name: '汤河乡中心小学' }),
    peer('a', { name: '石林镇小学' }),
    peer('obs', { role: LessonRole.OBSERVER }),
  ];
  applyRoomJoined(s, roomJoined(self, others));
  return s;
}

describe('live-state.selectors', () => {
  it('lists classroom terminals only, in pinyin order of their names', () => {
    expect(sel.classroomPeers(state()).map((p) => p.id)).toEqual(['a', 'b']);
    expect(sel.leadPeer(state())?.id).toBe('lead');
  });

  it("finds a peer's consumer by source", () => {
    const s = state();
    addConsumer(s, consumerViewOf(offer('v', 'lead')));
    addConsumer(s, consumerViewOf(offer('m', 'lead', { kind: 'audio', source: 'mic' })));
    addConsumer(s, consumerViewOf(offer('sc', 'lead', { source: 'screen' })));
    expect(sel.consumerOf(s, 'lead', 'camera')?.id).toBe('v');
    expect(sel.consumerOf(s, 'lead', 'mic')?.id).toBe('m');
    expect(sel.consumerOf(s, 'lead', 'screen')?.id).toBe('sc');
    expect(sel.consumerOf(s, undefined, 'camera')).toBeUndefined();
    expect(sel.audioConsumers(s).map((c) => c.id)).toEqual(['m']);
    expect(sel.videoConsumers(s).map((c) => c.id)).toEqual(['v', 'sc']);
    s.linkMode = 'audio-only';
    expect(sel.videoConsumers(s)).toEqual([]);
  });

  it('treats an unpublished track as off', () => {
    const live = peer('x', { tracks: [{ producerId: 'p', kind: 'audio', source: 'mic', paused: false }] });
    expect(sel.trackOff(live, 'mic')).toBe(false);
    expect(sel.trackOff(live, 'camera')).toBe(true);
    expect(sel.trackOff(undefined, 'mic')).toBe(true);
  });

  it("sees an assistant's own classroom and its raised hand", () => {
    const s = state(LessonRole.ASSISTANT);
    expect(sel.myClassroomPeer(s)?.id).toBe('b');
    expect(sel.ownHandRaised(s)).toBe(false);
    setHands(s, [{ peerId: 'b', name: '汤河乡中心小学', raisedAt: '2026-03-02T08:00:00.000Z' }]);
    expect(sel.ownHandRaised(s)).toBe(true);
    expect(sel.handRaised(s, 'a')).toBe(false);
  });

  it('names peers, ourselves included', () => {
    const s = state();
    expect(sel.peerName(s, 'a')).toBe('石林镇小学');
    expect(sel.peerName(s, 'me')).toBe('Room me');
    expect(sel.peerName(s, 'nobody')).toBe('');
  });
});
