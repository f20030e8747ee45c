import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { IceRestartScheduler, type TransportConnectionState } from './ice-restart.scheduler';

function setup() {
  const states = new Map<string, TransportConnectionState>();
  let socketUp = true;
  const restart = jest.fn<(id: string) => Promise<void>>(async () => undefined);
  const scheduler = new IceRestartScheduler({
    restart,
    stateOf: (id) => states.get(id),
    canRestart: () => socketUp,
  });
  const set = (id: string, s: TransportConnectionState) => {
    states.set(id, s);
    scheduler.onStateChange(id, s);
  };
  return { scheduler, restart, set, states, socket: (up: boolean) => (socketUp = up) };
}

describe(IceRestartScheduler.name, () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('gives a disconnected transport 2 s to heal by itself', async () => {
    const { restart, set } = setup();
    set('t', 'disconnected');
    await jest.advanceTimersByTimeAsync(1900);
    set('t', 'connected');
    await jest.advanceTimersByTimeAsync(5000);
    expect(restart).not.toHaveBeenCalled();
  });

  it('restarts a transport still disconnected after 2 s, once however many events came', async () => {
    const { restart, set } = setup();
    set('t', 'disconnected');
    await jest.advanceTimersByTimeAsync(500);
    set('t', 'disconnected');
    await jest.advanceTimersByTimeAsync(1600);
    expect(restart).toHaveBeenCalledTimes(1);
    expect(restart).toHaveBeenCalledWith('t');
  });

  it('restarts a failed transport at once, and again later while it does not connect', async () => {
    const { restart, set, states } = setup();
    set('t', 'failed');
    await jest.advanceTimersByTimeAsync(250);
    expect(restart).toHaveBeenCalledTimes(1);
    states.set('t', 'connecting');
    await jest.advanceTimersByTimeAsync(5000);
    expect(restart).toHaveBeenCalledTimes(2);
    set('t', 'connected');
    await jest.advanceTimersByTimeAsync(20_000);
    expect(restart).toHaveBeenCalledTimes(2);
  });

  it('leaves the work to the reconnect path while the socket is down', async () => {
    const { restart, set, socket } = setup();
    socket(false);
    set('t', 'failed');
    await jest.advanceTimersByTimeAsync(10_000);
    expect(restart).not.toHaveBeenCalled();
  });

  it('retries after a restart that threw', async () => {
    const { restart, set } = setup();
    restart.mockRejectedValueOnce(new Error('TIMEOUT'));
    set('t', 'failed');
    await jest.advanceTimersByTimeAsync(250);
    await jest.advanceTimersByTimeAsync(5000);
    expect(restart).toHaveBeenCalledTimes(2);
  });

  it('restartNow skips connected, new and vanished transports', async () => {
    const { scheduler, restart, states } = setup();
    states.set('ok', 'connected');
    states.set('fresh', 'new');
    states.set('bad', 'disconnected');
    for (const id of ['ok', 'fresh', 'bad', 'gone']) scheduler.restartNow(id);
    await jest.advanceTimersByTimeAsync(10);
    expect(restart.mock.calls.map((c) => c[0])).toEqual(['bad']);
  });

  it('cancelAll drops every pending restart', async () => {
    const { scheduler, restart, set } = setup();
    set('a', 'disconnected');
    set('b', 'failed');
    expect(scheduler.pending('a')).toBe(true);
    scheduler.cancelAll();
    await jest.advanceTimersByTimeAsync(10_000);
    expect(restart).not.toHaveBeenCalled();
  });
});
