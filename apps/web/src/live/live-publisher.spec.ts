import { describe, expect, it, jest } from '@jest/globals';
import type { MediaSource } from '@tongke/contracts';
import { LessonRole } from './contract-values';
import { LivePublisher } from './live-publisher';
import { LiveRequestError } from './live-request.error';
import type { LiveSocket } from './live-socket';
import { createLiveState } from './live-state';
import { applyRoomJoined } from './live-state.reducer';
import type { LocalMedia } from './local-media';
import type { MediaSession, ProduceOptions } from './media-session';
import { peer, roomJoined } from './testing/live-fixtures';

class FakeProducer {
  paused = false;
  closed = false;
  constructor(readonly id: string) {}
  pause() {
    this.paused = true;
  }
  resume() {
    this.paused = false;
  }
}

function setup(role = LessonRole.CLASSROOM) {
  const state = createLiveState('s1');
  state.role = role;
  applyRoomJoined(state, roomJoined(peer('me', { role }), []));
  const producers = new Map<MediaSource, FakeProducer>();
  let n = 0;
  const produce = jest.fn(async (opts: ProduceOptions) => {
    const p = new FakeProducer(`p${++n}-${opts.source}`);
    if (opts.paused) p.pause();
    producers.set(opts.source, p);
    return p;
  });
  const media = {
    canProduce: () => true,
    producer: (s: MediaSource) => producers.get(s),
    produce,
    closeProducer: jest.fn((s: MediaSource) => producers.delete(s)),
  };
  const track = (kind: string) => ({ kind }) as MediaStreamTrack;
  const local = {
    ensure: jest.fn(async (s: MediaSource) => track(s === 'mic' ? 'audio' : 'video')),
    track: jest.fn(() => track('video')),
    startScreen: jest.fn(async () => track('video')),
    stop: jest.fn(),
  };
  const request = jest.fn<(event: string, payload: unknown) => Promise<unknown>>(async () => ({}));
  const publisher = new LivePublisher({
    state,
    local: local as unknown as LocalMedia,
    socket: () => ({ request }) as unknown as LiveSocket,
    media: () => media as unknown as MediaSession,
    role: () => state.role,
  });
  return { state, publisher, produce, producers, media, local, request };
}

describe(LivePublisher.name, () => {
  it("publishes a classroom's camera (one layer) and microphone", async () => {
    const { state, publisher, produce } = setup();
    await publisher.reconcile();
    expect(produce.mock.calls.map(([o]) => [o.source, o.encodings?.length, o.paused])).toEqual([
      ['camera', 1, false],
      ['mic', undefined, false],
    ]);
    expect(Object.keys(state.producers)).toEqual(['camera', 'mic']);
  });

  it("publishes the lead's camera with three simulcast layers", async () => {
    const { publisher, produce } = setup(LessonRole.LEAD);
    await publisher.reconcile();
    expect(produce.mock.calls[0][0].encodings).toHaveLength(3);
  });

  it('closes the camera in audio-only mode and everything in receive-only, releasing the devices', async () => {
    const { state, publisher, request, local } = setup();
    await publisher.reconcile();
    state.linkMode = 'audio-only';
    await publisher.reconcile();
    expect(Object.keys(state.producers)).toEqual(['mic']);
    expect(request).toHaveBeenCalledWith('producer:close', { producerId: 'p1-camera' });
    expect(local.stop).toHaveBeenCalledWith('camera');
    state.linkMode = 'receive-only';
    await publisher.reconcile();
    expect(state.producers).toEqual({});
  });

  it('mutes at once, and unmutes only when the server agrees', async () => {
    const { state, publisher, request, producers } = setup();
    await publisher.reconcile();
    await publisher.toggleMic();
    expect(producers.get('mic')?.paused).toBe(true);
    expect(request).toHaveBeenLastCalledWith('producer:pause', { producerId: 'p2-mic' });
    request.mockRejectedValueOnce(new LiveRequestError('INTERACTION_DISABLED', 'disabled'));
    await expect(publisher.toggleMic()).rejects.toMatchObject({ code: 'INTERACTION_DISABLED' });
    expect(state.producers.mic?.paused).toBe(true);
    expect(producers.get('mic')?.paused).toBe(true);
    await publisher.toggleMic();
    expect(request).toHaveBeenLastCalledWith('producer:resume', { producerId: 'p2-mic' });
    expect(state.producers.mic?.paused).toBe(false);
  });

  it('publishes a muted microphone muted again after a reconnect', async () => {
    const { state, publisher, produce, producers } = setup();
    await publisher.reconcile();
    await publisher.toggleMic();
    publisher.rememberPaused();
    producers.clear();
    state.producers = {};
    publisher.rememberPaused(); // a second teardown in a row must not forget it
    await publisher.reconcile();
    expect(produce.mock.calls.at(-1)?.[0]).toMatchObject({ source: 'mic', paused: true });
    expect(state.producers.mic?.paused).toBe(true);
  });

  it('publishes live again after a link-mode round trip, although the server held the tracks meanwhile', async () => {
    const { state, publisher, produce } = setup();
    await publisher.reconcile();
    publisher.rememberPaused(); // as setLinkMode does, before asking the server
    state.linkMode = 'receive-only';
    state.producers.mic!.paused = true; // the server's link hold, announced in peer:updated
    state.producers.camera!.paused = true;
    await publisher.reconcile();
    state.linkMode = 'full';
    publisher.rememberPaused();
    await publisher.reconcile();
    expect(produce.mock.calls.slice(2).map(([o]) => [o.source, o.paused])).toEqual([
      ['camera', false],
      ['mic', false],
    ]);
  });

  it('publishes paused when the lesson holds the source', async () => {
    const { state, publisher, produce } = setup();
    produce.mockImplementationOnce(async () => {
      throw new LiveRequestError('PERMISSION_DENIED', 'video off');
    });
    await publisher.reconcile();
    expect(produce.mock.calls.map(([o]) => [o.source, o.paused])).toEqual([
      ['camera', false],
      ['camera', true],
      ['mic', false],
    ]);
    expect(state.producers.camera?.paused).toBe(true);
  });

  it('reports a missing device but still publishes the rest', async () => {
    const { state, publisher, local } = setup();
    local.ensure.mockImplementationOnce(async () => {
      throw new LiveRequestError('DEVICE_UNAVAILABLE', 'NotFoundError');
    });
    await expect(publisher.reconcile()).rejects.toMatchObject({ code: 'DEVICE_UNAVAILABLE' });
    expect(Object.keys(state.producers)).toEqual(['mic']);
  });

  it('shares the screen for the lead and stops it again', async () => {
    const { state, publisher, produce, local } = setup(LessonRole.LEAD);
    await publisher.reconcile();
    await publisher.toggleScreen();
    expect(local.startScreen).toHaveBeenCalled();
    expect(publisher.sharingScreen).toBe(true);
    expect(produce.mock.calls.at(-1)?.[0]).toMatchObject({ source: 'screen', encodings: [{ maxBitrate: 1_500_000 }] });
    await publisher.toggleScreen();
    expect(publisher.sharingScreen).toBe(false);
    expect(state.producers.screen).toBeUndefined();
  });
});
