import type { MediaSource, PeerView } from '@tongke/contracts';
import { LessonRole } from './contract-values';
import type { ConsumerView, LiveState } from './live-state';

// Pure read helpers shared by the views.

export function leadPeer(state: LiveState): PeerView | undefined {
  return state.peers.find((p) => p.role === LessonRole.LEAD);
}

/** Classroom terminals, in a stable order (by name, pinyin order for Chinese). */
export function classroomPeers(state: LiveState): PeerView[] {
  return state.peers
    .filter((p) => p.role === LessonRole.CLASSROOM)
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true }) || a.id.localeCompare(b.id));
}

export function consumerOf(
  state: LiveState,
  peerId: string | undefined,
  source: MediaSource,
): ConsumerView | undefined {
  if (!peerId) return undefined;
  const kind = source === 'mic' ? 'audio' : 'video';
  return state.consumers.find((c) => c.peerId === peerId && c.source === source && c.kind === kind);
}

/** Whether a peer's track of this source is off (not published counts as off). */
export function trackOff(peer: PeerView | undefined | null, source: MediaSource): boolean {
  const track = peer?.tracks.find((t) => t.source === source);
  return !track || track.paused;
}

export function handRaised(state: LiveState, peerId: string | undefined | null): boolean {
  return !!peerId && state.hands.some((h) => h.peerId === peerId);
}

/** The classroom terminal an assistant works with. */
export function myClassroomPeer(state: LiveState): PeerView | undefined {
  const classroomId = state.self?.classroomId;
  if (!classroomId) return undefined;
  return state.peers.find((p) => p.role === LessonRole.CLASSROOM && p.classroomId === classroomId);
}

/** Whether this participant's (or its classroom's) hand is up. */
export function ownHandRaised(state: LiveState): boolean {
  return handRaised(state, state.selfId) || handRaised(state, myClassroomPeer(state)?.id);
}

export function peerName(state: LiveState, peerId: string): string {
  if (peerId === state.selfId) return state.self?.name ?? '';
  return state.peers.find((p) => p.id === peerId)?.name ?? '';
}

/** Remote videos to show (none in audio-only mode). */
export function videoConsumers(state: LiveState): ConsumerView[] {
  if (state.linkMode === 'audio-only') return [];
  return state.consumers.filter((c) => c.kind === 'video');
}

export function audioConsumers(state: LiveState): ConsumerView[] {
  return state.consumers.filter((c) => c.kind === 'audio');
}
