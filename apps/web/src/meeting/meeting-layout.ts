import type { PeerView } from '@tongke/contracts';
import { LessonRole } from '../live/contract-values';
import type { LiveState } from '../live/live-state';
import { consumerOf, trackOff } from '../live/live-state.selectors';

/** One remote participant's tile in the meeting grid. */
export interface MeetingTile {
  peerId: string;
  name: string;
  host: boolean;
  /** The consumer of its camera, when received. */
  cameraConsumerId?: string;
  micOff: boolean;
  cameraOff: boolean;
  sharing: boolean;
}

/** The screen being shared in the meeting (one at a time), by someone else. */
export interface MeetingScreen {
  peerId: string;
  name: string;
  consumerId: string;
}

const PUBLISHERS: readonly string[] = [LessonRole.LEAD, LessonRole.MEMBER];

const byHostThenName = (a: PeerView, b: PeerView) =>
  Number(b.role === LessonRole.LEAD) - Number(a.role === LessonRole.LEAD) ||
  a.name.localeCompare(b.name, 'zh-CN', { numeric: true }) ||
  a.id.localeCompare(b.id);

/** The host and the other members (not observers, not oneself): the host first, then by name. */
export function meetingTiles(state: LiveState): MeetingTile[] {
  return state.peers
    .filter((p) => PUBLISHERS.includes(p.role) && p.id !== state.selfId && p.connected)
    .sort(byHostThenName)
    .map((p) => ({
      peerId: p.id,
      name: p.name,
      host: p.role === LessonRole.LEAD,
      cameraConsumerId: consumerOf(state, p.id, 'camera')?.id,
      micOff: trackOff(p, 'mic'),
      cameraOff: trackOff(p, 'camera'),
      sharing: p.tracks.some((t) => t.source === 'screen'),
    }));
}

/** The screen someone else shares now (received), if any. */
export function sharedScreen(state: LiveState): MeetingScreen | undefined {
  const consumer = state.consumers.find((c) => c.source === 'screen' && c.kind === 'video');
  if (!consumer) return undefined;
  const peer = state.peers.find((p) => p.id === consumer.peerId);
  return { peerId: consumer.peerId, name: peer?.name ?? '', consumerId: consumer.id };
}

/** Whether this participant publishes in the meeting (the host and members; observers only watch). */
export function publishesInMeeting(role: LessonRole | null): boolean {
  return role === LessonRole.LEAD || role === LessonRole.MEMBER;
}
