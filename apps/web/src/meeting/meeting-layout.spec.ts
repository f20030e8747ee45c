import { describe, expect, it } from '@jest/globals';
import { LessonRole } from '../live/contract-values';
import { createLiveState } from '../live/live-state';
import { addConsumer, consumerViewOf } from '../live/live-state.reducer';
import { offer, peer } from '../live/testing/live-fixtures';
import { meetingTiles, publishesInMeeting, sharedScreen } from './meeting-layout';

const track = (source: 'camera' | 'mic' | 'screen', paused = false) => ({
  producerId: `p-${source}`,
  kind: source === 'mic' ? ('audio' as const) : ('video' as const),
  source,
  paused,
});

function meeting() {
  const state = createLiveState('s1');
  state.selfId = 'me';
  state.peers = [
    peer('m2', {
      role: LessonRole.MEMBER,
      name: '赵老师',
      classroomId: undefined,
      tracks: [track('camera'), track('mic', true)],
    }),
    peer('host', {
      role: LessonRole.LEAD,
      name: '孙老师',
      classroomId: undefined,
      tracks: [track('camera'), track('mic')],
    }),
    peer('m1', {
      role: LessonRole.MEMBER,
      name: '李老师',
      classroomId: undefined,
      tracks: [track('mic'), track('screen')],
    }),
    peer('obs', { role: LessonRole.OBSERVER, name: '王老师', classroomId: undefined }),
    peer('gone', { role: LessonRole.MEMBER, name: '陈老师', connected: false }),
  ];
  addConsumer(state, consumerViewOf(offer('c-host', 'host')));
  addConsumer(state, consumerViewOf(offer('c-m2', 'm2')));
  return state;
}

describe(meetingTiles.name, () => {
  it('lists the host first, then the connected members by name; never observers or oneself', () => {
    const tiles = meetingTiles(meeting());
    expect(tiles.map((t) => t.name)).toEqual(['孙老师', '李老师', '赵老师']);
    expect(tiles[0]).toMatchObject({ host: true, cameraConsumerId: 'c-host', micOff: false, cameraOff: false });
  });

  it('shows who is muted, has the camera off or shares a screen', () => {
    const [, m1, m2] = meetingTiles(meeting());
    expect(m1).toMatchObject({ cameraConsumerId: undefined, cameraOff: true, sharing: true });
    expect(m2).toMatchObject({ micOff: true, cameraOff: false, sharing: false });
  });
});

describe(sharedScreen.name, () => {
  it("is the received screen with its sharer's name, or nothing", () => {
    const state = meeting();
    expect(sharedScreen(state)).toBeUndefined();
    addConsumer(state, consumerViewOf(offer('c-screen', 'm1', { source: 'screen' })));
    expect(sharedScreen(state)).toEqual({ peerId: 'm1', name: '李老师', consumerId: 'c-screen' });
  });
});

describe(publishesInMeeting.name, () => {
  it('is true for the host and members only', () => {
    expect(publishesInMeeting(LessonRole.LEAD)).toBe(true);
    expect(publishesInMeeting(LessonRole.MEMBER)).toBe(true);
    expect(publishesInMeeting(LessonRole.OBSERVER)).toBe(false);
    expect(publishesInMeeting(null)).toBe(false);
  });
});
