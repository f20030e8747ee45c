import { describe, expect, it } from '@jest/globals';
import type { ChannelView, ProgrammeEntryView, ProgrammeGuideView } from '@tongke/contracts';
import { durationMinutes, entryState, guideDays, progressOf } from './programme-guide';

const channel: ChannelView = {
  id: 'c1',
  communityId: 'k1',
  name: '晚间频道',
  description: '',
  visibility: 'community',
  timeZone: 'Asia/Shanghai',
  liveUrl: '/api/library/channels/c1/mj3k2a.x/live.m3u8',
  canEdit: false,
};

function entry(id: string, startsAt: string, minutes: number): ProgrammeEntryView {
  const endsAt = new Date(Date.parse(startsAt) + minutes * 60_000).toISOString();
  return { id, channelId: 'c1', resourceId: 'r1', title: `节目${id}`, subject: 'music', grade: 4, startsAt, endsAt };
}

describe('programme guide', () => {
  const monday = entry('1', '2026-03-02T11:00:00Z', 40); // Mon 19:00–19:40 Shanghai
  const tuesday = entry('2', '2026-03-03T11:00:00Z', 40);
  const guide: ProgrammeGuideView = { channel, from: '2026-03-02', to: '2026-03-08', entries: [monday, tuesday] };

  it('lays out every day of the week, empty ones too, with local times and states', () => {
    const now = Date.parse('2026-03-02T11:20:00Z');
    const days = guideDays(guide, now);
    expect(days.map((d) => [d.date, d.weekday, d.entries.length])).toEqual([
      ['2026-03-02', 1, 1],
      ['2026-03-03', 2, 1],
      ['2026-03-04', 3, 0],
      ['2026-03-05', 4, 0],
      ['2026-03-06', 5, 0],
      ['2026-03-07', 6, 0],
      ['2026-03-08', 7, 0],
    ]);
    expect(days[0]).toMatchObject({ today: true, entries: [{ start: '19:00', end: '19:40', state: 'onAir' }] });
    expect(days[1].entries[0].state).toBe('upcoming');
  });

  it('puts an entry that began the day before the guide on its first day', () => {
    const lateNight = entry('0', '2026-03-01T15:30:00Z', 60); // Sun 23:30 – Mon 00:30
    const days = guideDays({ ...guide, entries: [lateNight, monday] }, 0);
    expect(days[0].entries.map((e) => e.entry.id)).toEqual(['0', '1']);
    expect(days[0].entries[0]).toMatchObject({ start: '23:30', end: '00:30' });
  });

  it('tells aired, on-air and upcoming entries and how far one has played', () => {
    expect(entryState(monday, Date.parse('2026-03-02T10:59:59Z'))).toBe('upcoming');
    expect(entryState(monday, Date.parse('2026-03-02T11:00:00Z'))).toBe('onAir');
    expect(entryState(monday, Date.parse('2026-03-02T11:40:00Z'))).toBe('aired');
    expect(progressOf(monday, Date.parse('2026-03-02T11:10:00Z'))).toBeCloseTo(0.25);
    expect(progressOf(monday, 0)).toBe(0);
    expect(durationMinutes(61)).toBe(2);
    expect(durationMinutes(0)).toBe(1);
  });
});
