import { describe, expect, it, jest } from '@jest/globals';
import type { Ack } from '@tongke/contracts';
import { LiveRequestError } from './live-request.error';
import { LiveSocket, REQUEST_TIMEOUT_MS } from './live-socket';

type Emit = (event: string, payload: unknown, cb: (err: Error | null, res: Ack<unknown>) => void) => void;

function withAnswer(answer: (cb: Parameters<Emit>[2]) => void) {
  const socket = new LiveSocket('http://media.test/', { token: async () => 'tok' }, 's1');
  const emit = jest.fn<Emit>((_event, _payload, cb) => answer(cb));
  const timeout = jest
    .spyOn(socket.raw, 'timeout')
    .mockReturnValue({ emit } as unknown as ReturnType<typeof socket.raw.timeout>);
  return { socket, emit, timeout };
}

describe(LiveSocket.name, () => {
  it('connects to the /live namespace of the media node, websocket only, not before asked', () => {
    const socket = new LiveSocket('http://media.test/', { token: async () => 'tok' }, 's1');
    expect((socket.raw as unknown as { nsp: string }).nsp).toBe('/live');
    expect(socket.raw.io.opts.transports).toEqual(['websocket']);
    expect(socket.raw.connected).toBe(false);
    socket.close();
  });

  it('presents a fresh token from the token source, and the lesson id, on every handshake', async () => {
    const tokens = ['first', 'second'];
    const socket = new LiveSocket('http://media.test', { token: async () => tokens.shift()! }, 's1');
    const auth = socket.raw.auth as (cb: (data: object) => void) => void;
    const handshake = () => new Promise<object>((resolve) => auth(resolve));
    await expect(handshake()).resolves.toEqual({ token: 'first', sessionId: 's1' });
    await expect(handshake()).resolves.toEqual({ token: 'second', sessionId: 's1' });
  });

  it('resolves with the data of an { ok: true } answer, within the ack timeout', async () => {
    const { socket, emit, timeout } = withAnswer((cb) => cb(null, { ok: true, data: { stagePeerId: null } }));
    await expect(socket.request('stage:set', { peerId: null })).resolves.toEqual({ stagePeerId: null });
    expect(timeout).toHaveBeenCalledWith(REQUEST_TIMEOUT_MS);
    expect(emit).toHaveBeenCalledWith('stage:set', { peerId: null }, expect.any(Function));
  });

  it('rejects with the server code of an { ok: false } answer', async () => {
    const { socket } = withAnswer((cb) =>
      cb(null, { ok: false, error: { code: 'INTERACTION_DISABLED' as never, message: 'disabled' } }),
    );
    const err = await socket.request('chat:send', { text: 'hi' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LiveRequestError);
    expect(err).toMatchObject({ code: 'INTERACTION_DISABLED', message: 'disabled' });
  });

  it('rejects with TIMEOUT when no answer comes', async () => {
    const { socket } = withAnswer((cb) => cb(new Error('operation has timed out'), undefined as never));
    await expect(socket.request('hand:raise', {})).rejects.toMatchObject({ code: 'TIMEOUT' });
  });
});
