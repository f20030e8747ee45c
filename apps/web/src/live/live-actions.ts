import type { InteractionMode, LiveRequest, Permission } from '@tongke/contracts';
import { LiveRequestError } from './live-request.error';
import type { LiveSocket } from './live-socket';
import type { LiveState } from './live-state';
import * as r from './live-state.reducer';

/** Largest file a participant may share (the server's limit, decoded). */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/**
 * The lesson's interaction requests (hands, stage, mute, permissions, chat, quiz,
 * whiteboard, files, notes). Each applies the server's answer to the state; a refusal
 * rejects with the server's LiveRequestError for the view to show.
 */
export class LiveActions {
  constructor(
    private readonly state: LiveState,
    private readonly socket: () => LiveSocket | null,
  ) {}

  async raiseHand(): Promise<void> {
    r.setHands(this.state, (await this.io().request('hand:raise', {})).hands);
  }

  async lowerHand(peerId?: string): Promise<void> {
    r.setHands(this.state, (await this.io().request('hand:lower', peerId ? { peerId } : {})).hands);
  }

  async setStage(peerId: string | null): Promise<void> {
    r.setStage(this.state, (await this.io().request('stage:set', { peerId })).stagePeerId);
  }

  async mute(peerId: string, source: 'mic' | 'camera', muted: boolean): Promise<void> {
    await this.io().request('peer:mute', { peerId, source, muted });
  }

  async setPermission(peerId: string, permission: Permission, on: boolean): Promise<void> {
    const { peer } = await this.io().request('permissions:set', { peerId, permissions: { [permission]: on } });
    r.upsertPeer(this.state, peer);
  }

  async setInteraction(mode: InteractionMode): Promise<void> {
    r.setInteraction(this.state, (await this.io().request('lesson:setInteraction', { mode })).interaction);
  }

  async endLesson(): Promise<void> {
    await this.io().request('lesson:end', {});
  }

  async sendChat(text: string): Promise<void> {
    r.addChatMessage(this.state, await this.io().request('chat:send', { text }));
  }

  async startQuiz(request: LiveRequest<'quiz:start'>): Promise<void> {
    r.applyQuiz(this.state, await this.io().request('quiz:start', request));
  }

  async answerQuiz(quizId: string, choices: number[]): Promise<void> {
    const answer = await this.io().request('quiz:answer', { quizId, choices });
    r.setQuizAnswer(this.state, answer.quizId, answer.choices);
  }

  async endQuiz(quizId: string): Promise<void> {
    r.applyQuiz(this.state, await this.io().request('quiz:end', { quizId }));
  }

  async sendStroke(stroke: LiveRequest<'whiteboard:stroke'>): Promise<void> {
    r.addStroke(this.state, await this.io().request('whiteboard:stroke', stroke));
  }

  async clearWhiteboard(): Promise<void> {
    await this.io().request('whiteboard:clear', {});
    r.clearStrokes(this.state);
  }

  async shareFile(file: File): Promise<void> {
    if (file.size > MAX_FILE_BYTES) throw new LiveRequestError('FILE_TOO_LARGE', `${file.name}: ${file.size} bytes`);
    const contentBase64 = await toBase64(file);
    const mime = file.type || 'application/octet-stream';
    r.addFile(this.state, await this.io().request('file:share', { name: file.name, mime, contentBase64 }));
  }

  /**
   * Lead: opens or closes the broadcast (名校网络课堂). The API first (`persist`: it decides who may
   * watch, and keeps the flag), then the media node, which admits viewers or drops the connected ones.
   */
  async setBroadcast(on: boolean, persist: (on: boolean) => Promise<unknown>): Promise<void> {
    await persist(on);
    r.setBroadcastOn(this.state, on);
    const { viewers } = await this.io().request('broadcast:set', { on });
    r.setBroadcastViewers(this.state, viewers);
  }

  async addNote(text: string): Promise<void> {
    const note = await this.io().request('note:add', { text });
    r.addNote(this.state, { ...note, text: text.trim() });
  }

  private io(): LiveSocket {
    const socket = this.socket();
    if (!socket) throw new LiveRequestError('INVALID_STATE', 'not connected');
    return socket;
  }
}

async function toBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
