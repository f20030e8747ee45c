import type { ConsumerView, LiveState } from './live-state';
import { consumerOf, leadPeer, peerName } from './live-state.selectors';

/** What a broadcast viewer's player (名校网络课堂) shows now. */
export interface ViewerLayout {
  /** The lead teacher's camera: large, or beside the shared screen. */
  teacher: ConsumerView | undefined;
  /** The lead's shared screen, when shared. */
  screen: ConsumerView | undefined;
  /** The board is shown: a screen is shared or the lead drew on the whiteboard. */
  showBoard: boolean;
  /** The classroom on stage (its camera small), and its name. */
  stage: ConsumerView | undefined;
  stageName: string;
}

/**
 * A viewer's player: the lead's camera large (or next to the shared screen and the whiteboard),
 * the on-stage classroom small. Nothing of the video in audio-only mode.
 */
export function viewerLayout(state: LiveState): ViewerLayout {
  const video = state.linkMode !== 'audio-only';
  const lead = leadPeer(state);
  const screen = video ? consumerOf(state, lead?.id, 'screen') : undefined;
  const stagePeerId = state.stagePeerId ?? undefined;
  return {
    teacher: video ? consumerOf(state, lead?.id, 'camera') : undefined,
    screen,
    showBoard: !!screen || state.strokes.length > 0,
    stage: video ? consumerOf(state, stagePeerId, 'camera') : undefined,
    stageName: stagePeerId ? peerName(state, stagePeerId) : '',
  };
}
