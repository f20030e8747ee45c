import { describe, expect, it, jest } from '@jest/globals';
import { LessonRole } from './contract-values';
import { LiveActions, MAX_FILE_BYTES } from './live-actions';
import { LiveRequestError } from './live-request.error';
import type { LiveSocket } from './live-socket';
import { createLiveState } from './live-state';
import { applyRoomJoined } from './live-state.reducer';
import { peer, roomJoined } from './testing/live-fixtures';

function setup(answers: Record<string, unknown>) {
  const state = createLiveState('s1');
  applyRoomJoined(state, roomJoined(peer('lead', { role: LessonRole.LEAD }), [peer('b')]));
  const request = jest.fn<(event: string, payload: unknown) => Promise<unknown>>(async (event) => {
    const answer = answers[event];
    if (answer instanceof Error) throw answer;
    return answer;
  });
  const actions = new LiveActions(state, () => ({ request }) as unknown as LiveSocket);
  return { state, request, actions };
}

describe(LiveActions.name, () => {
  it('adds the stored chat message the server acknowledged', async () => {
    const message = { id: 'm1', at: '', from: { peerId: 'lead', name: 'T', role: LessonRole.LEAD }, text: 'hello' };
    const { state, request, actions } = setup({ 'chat:send': message });
    await actions.sendChat('hello');
    expect(request).toHaveBeenCalledWith('chat:send', { text: 'hello' });
    expect(state.chat).toEqual([message]);
  });

  it("passes a refusal on with the server's code and leaves the state alone", async () => {
    const { state, actions } = setup({ 'chat:send': new LiveRequestError('INTERACTION_DISABLED', 'no') });
    await expect(actions.sendChat('hi')).rejects.toMatchObject({ code: 'INTERACTION_DISABLED' });
    expect(state.chat).toEqual([]);
  });

  it('sends one permission change and shows the peer as the server now holds it', async () => {
    const updated = peer('b', { permissions: { ...peer('b').permissions, annotate: true } });
    const { state, request, actions } = setup({ 'permissions:set': { peer: updated } });
    await actions.setPermission('b', 'annotate', true);
    expect(request).toHaveBeenCalledWith('permissions:set', { peerId: 'b', permissions: { annotate: true } });
    expect(state.peers[0].permissions.annotate).toBe(true);
  });

  it('lowers our own hand without a peer id, anyone else’s with one', async () => {
    const { request, actions } = setup({ 'hand:lower': { hands: [] } });
    await actions.lowerHand();
    await actions.lowerHand('b');
    expect(request.mock.calls.map((c) => c[1])).toEqual([{}, { peerId: 'b' }]);
  });

  it('records the answer the server accepted', async () => {
    const { state, actions } = setup({ 'quiz:answer': { quizId: 'q1', choices: [1] } });
    await actions.answerQuiz('q1', [1]);
    expect(state.quizAnswer).toEqual({ quizId: 'q1', choices: [1] });
  });

  it('keeps an observer note with its lesson time', async () => {
    const { state, actions } = setup({ 'note:add': { id: 'n1', at: '2026-03-02T08:05:00.000Z', offsetMs: 300_000 } });
    await actions.addNote('  rhythm exercise works well ');
    expect(state.notes).toEqual([
      { id: 'n1', at: '2026-03-02T08:05:00.000Z', offsetMs: 300_000, text: 'rhythm exercise works well' },
    ]);
  });

  it('shares a file base64-encoded, and refuses one over 2 MiB before sending', async () => {
    const shared = {
      id: 'f1',
      at: '',
      name: 'song.txt',
      mime: 'text/plain',
      size: 5,
      from: { peerId: 'lead', name: 'T' },
      url: '/f1',
    };
    const { state, request, actions } = setup({ 'file:share': shared });
    await actions.shareFile(new File(['茉莉'], 'song.txt', { type: 'text/plain' }));
    expect(request).toHaveBeenCalledWith('file:share', {
      name: 'song.txt',
      mime: 'text/plain',
      contentBase64: Buffer.from('茉莉').toString('base64'),
    });
    expect(state.files).toEqual([shared]);
    const big = new File([new Uint8Array(MAX_FILE_BYTES + 1)], 'big.bin');
    await expect(actions.shareFile(big)).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' });
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('refuses to act without a connection', async () => {
    const actions = new LiveActions(createLiveState('s1'), () => null);
    await expect(actions.raiseHand()).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });

  it('opens the broadcast through the API first, then on the media node, and shows its viewers', async () => {
    const { state, request, actions } = setup({ 'broadcast:set': { on: true, viewers: 3 } });
    const calls: string[] = [];
    request.mockImplementation(async (event) => {
      calls.push(event);
      return { on: true, viewers: 3 };
    });
    const persist = jest.fn(async (on: boolean) => calls.push(`api:${on}`));
    await actions.setBroadcast(true, persist);
    expect(calls).toEqual(['api:true', 'broadcast:set']);
    expect(request).toHaveBeenCalledWith('broadcast:set', { on: true });
    expect(state.broadcast).toEqual({ on: true, viewers: 3 });
  });

  it('leaves the broadcast as it was when the API refuses, without telling the media node', async () => {
    const { state, request, actions } = setup({});
    const persist = jest.fn(async () => {
      throw new LiveRequestError('FORBIDDEN', 'no');
    });
    await expect(actions.setBroadcast(true, persist)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(request).not.toHaveBeenCalled();
    expect(state.broadcast).toBeNull();
  });
});
