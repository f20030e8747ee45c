import { describe, expect, it } from '@jest/globals';
import {
  clampStart,
  emptyLinkHistory,
  type LinkHistory,
  type LinkStatus,
  TIMESHIFT_LATE_S,
  TIMESHIFT_REWIND_S,
  timeshiftOffer,
  trackLink,
} from './timeshift-offer';

const START = Date.parse('2026-09-01T02:00:00.000Z');
const startedAt = new Date(START).toISOString();
const s = (seconds: number) => START + seconds * 1000;

function replay(steps: [LinkStatus, number][]): LinkHistory {
  return steps.reduce((h, [status, at]) => trackLink(h, status, s(at)), emptyLinkHistory());
}

describe('time-shift offer', () => {
  it('is not offered to a classroom that joined on time and stayed', () => {
    const h = replay([
      ['connecting', -30],
      ['live', 10],
    ]);
    expect(timeshiftOffer(startedAt, 'live', h).show).toBe(false);
  });

  it('is offered from the start to a classroom that joined late', () => {
    const onTime = replay([['live', TIMESHIFT_LATE_S]]);
    expect(timeshiftOffer(startedAt, 'live', onTime).show).toBe(false);
    const late = replay([
      ['connecting', 300],
      ['live', 305],
    ]);
    expect(timeshiftOffer(startedAt, 'live', late)).toEqual({ show: true, reason: 'late', startAtS: 0 });
  });

  it('is offered after a drop, from shortly before the drop', () => {
    const h = replay([
      ['live', 0],
      ['reconnecting', 600],
      ['reconnecting', 620],
      ['live', 660],
    ]);
    expect(h.droppedAt).toBe(s(600));
    expect(timeshiftOffer(startedAt, 'live', h)).toEqual({
      show: true,
      reason: 'dropped',
      startAtS: 600 - TIMESHIFT_REWIND_S,
    });
    // while still reconnecting too: the replay comes from the API, not the media link
    expect(timeshiftOffer(startedAt, 'reconnecting', h).show).toBe(true);
  });

  it('follows the latest drop, even for a late classroom', () => {
    const h = replay([
      ['live', 400],
      ['reconnecting', 900],
      ['live', 920],
      ['reconnecting', 1500],
      ['live', 1510],
    ]);
    expect(timeshiftOffer(startedAt, 'live', h)).toMatchObject({
      reason: 'dropped',
      startAtS: 1500 - TIMESHIFT_REWIND_S,
    });
  });

  it('is not offered before the lesson started, after it ended, or on errors', () => {
    const late = replay([['live', 300]]);
    expect(timeshiftOffer(null, 'live', late).show).toBe(false);
    expect(timeshiftOffer('not a date', 'live', late).show).toBe(false);
    expect(timeshiftOffer(startedAt, 'ended', late).show).toBe(false);
    expect(timeshiftOffer(startedAt, 'error', late).show).toBe(false);
  });

  it('a drop right at the start replays from 0', () => {
    const h = replay([
      ['live', 0],
      ['reconnecting', 2],
      ['live', 30],
    ]);
    expect(timeshiftOffer(startedAt, 'live', h).startAtS).toBe(0);
  });

  it('starts within what is playable', () => {
    expect(clampStart(600, 1200)).toBe(600);
    expect(clampStart(600, 300)).toBe(300 - TIMESHIFT_REWIND_S);
    expect(clampStart(600, 2)).toBe(0);
  });
});
