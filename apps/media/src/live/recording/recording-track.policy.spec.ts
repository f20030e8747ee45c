import { LessonRole } from '@tongke/contracts';
import { sameTrack, wantedTracks, type RecordableTrack } from './recording-track.policy';

const roles = new Map([
  ['lead', LessonRole.LEAD],
  ['a', LessonRole.CLASSROOM],
  ['b', LessonRole.CLASSROOM],
  ['obs', LessonRole.OBSERVER],
]);
const t = (producerId: string, peerId: string, source: RecordableTrack['source'], live = true): RecordableTrack => ({
  producerId,
  peerId,
  source,
  live,
});
const tracks = [
  t('p2', 'lead', 'mic'),
  t('p1', 'lead', 'camera'),
  t('p3', 'lead', 'screen'),
  t('p4', 'a', 'camera'),
  t('p5', 'a', 'mic'),
  t('p6', 'b', 'camera'),
];

describe(wantedTracks.name, () => {
  it("takes the lead's camera + mic, the lead's screen and the on-stage classroom's camera + mic", () => {
    const wanted = wantedTracks({ roles, stagePeerId: 'a' }, tracks);
    expect(Object.fromEntries(wanted)).toEqual({
      'lead-av': { track: 'lead-av', peerId: 'lead', producerIds: ['p1', 'p2'] },
      'lead-screen': { track: 'lead-screen', peerId: 'lead', producerIds: ['p3'] },
      'stage-av': { track: 'stage-av', peerId: 'a', producerIds: ['p4', 'p5'] },
    });
  });

  it("in a meeting: one member-audio per member's mic, and the screen of the member who shares", () => {
    const meeting = new Map([
      ['host', LessonRole.LEAD],
      ['m1', LessonRole.MEMBER],
      ['m2', LessonRole.MEMBER],
      ['obs', LessonRole.OBSERVER],
    ]);
    const published = [
      t('h1', 'host', 'camera'),
      t('h2', 'host', 'mic'),
      t('a1', 'm1', 'camera'),
      t('a2', 'm1', 'mic'),
      t('b1', 'm2', 'mic'),
      t('b2', 'm2', 'screen'),
    ];
    expect(Object.fromEntries(wantedTracks({ roles: meeting, stagePeerId: null }, published))).toEqual({
      'lead-av': { track: 'lead-av', peerId: 'host', producerIds: ['h1', 'h2'] },
      'lead-screen': { track: 'lead-screen', peerId: 'm2', producerIds: ['b2'] },
      'member-audio:m1': { track: 'member-audio', peerId: 'm1', producerIds: ['a2'] },
      'member-audio:m2': { track: 'member-audio', peerId: 'm2', producerIds: ['b1'] },
    });
    const hostShares = [...published, t('h3', 'host', 'screen')];
    expect(wantedTracks({ roles: meeting, stagePeerId: null }, hostShares).get('lead-screen')?.peerId).toBe('host');
  });

  it("in a meeting: records the live share, never a member's paused share or a dropped member's stale one", () => {
    const meeting = new Map([
      ['host', LessonRole.LEAD],
      ['a', LessonRole.MEMBER],
      ['b', LessonRole.MEMBER],
    ]);
    const cast = { roles: meeting, stagePeerId: null };
    const hostAv = [t('h1', 'host', 'camera'), t('h2', 'host', 'mic')];
    // A (sorting first) paused its share, or dropped out with it; B shares live.
    const aHeld = [...hostAv, t('a9', 'a', 'screen', false), t('b9', 'b', 'screen')];
    expect(wantedTracks(cast, aHeld).get('lead-screen')).toEqual({
      track: 'lead-screen',
      peerId: 'b',
      producerIds: ['b9'],
    });
    // Nobody shares live: no member's held share is recorded.
    expect(wantedTracks(cast, [...hostAv, t('a9', 'a', 'screen', false)]).has('lead-screen')).toBe(false);
    // The host's paused share gives way to a member sharing live; the host's live share comes first.
    const hostPaused = [...hostAv, t('h3', 'host', 'screen', false), t('b9', 'b', 'screen')];
    expect(wantedTracks(cast, hostPaused).get('lead-screen')?.peerId).toBe('b');
    const hostLive = [...hostAv, t('h3', 'host', 'screen'), t('b9', 'b', 'screen')];
    expect(wantedTracks(cast, hostLive).get('lead-screen')?.peerId).toBe('host');
  });

  it("in a lesson: keeps the lead's paused or stale screen in its take, as before", () => {
    const held = tracks.map((x) => (x.source === 'screen' ? { ...x, live: false } : x));
    expect(wantedTracks({ roles, stagePeerId: null }, held).get('lead-screen')).toEqual({
      track: 'lead-screen',
      peerId: 'lead',
      producerIds: ['p3'],
    });
    const pausedCamera = tracks.map((x) => (x.source === 'camera' ? { ...x, live: false } : x));
    expect(wantedTracks({ roles, stagePeerId: 'a' }, pausedCamera).get('stage-av')?.producerIds).toEqual(['p4', 'p5']);
  });

  it("never records a classroom's screen or mic as a member's", () => {
    const wanted = wantedTracks({ roles, stagePeerId: null }, [...tracks, t('p7', 'b', 'screen')]);
    expect(wanted.get('lead-screen')?.peerId).toBe('lead');
    expect([...wanted.keys()].some((k) => k.startsWith('member-audio'))).toBe(false);
  });

  it('leaves out tracks nobody feeds and a stage that is not a classroom', () => {
    expect([...wantedTracks({ roles, stagePeerId: null }, tracks.slice(0, 2)).keys()]).toEqual(['lead-av']);
    expect(wantedTracks({ roles, stagePeerId: 'obs' }, tracks).has('stage-av')).toBe(false);
    expect(wantedTracks({ roles, stagePeerId: 'gone' }, tracks).has('stage-av')).toBe(false);
    expect(wantedTracks({ roles: new Map(), stagePeerId: null }, tracks).size).toBe(0);
  });

  it('compares a running take with what is wanted', () => {
    const a = { peerId: 'a', producerIds: ['p4', 'p5'] };
    expect(sameTrack(a, { peerId: 'a', producerIds: ['p4', 'p5'] })).toBe(true);
    expect(sameTrack(a, { peerId: 'a', producerIds: ['p4'] })).toBe(false);
    expect(sameTrack(a, { peerId: 'b', producerIds: ['p4', 'p5'] })).toBe(false);
    expect(sameTrack(a, undefined)).toBe(false);
    expect(sameTrack(undefined, undefined)).toBe(true);
  });
});
