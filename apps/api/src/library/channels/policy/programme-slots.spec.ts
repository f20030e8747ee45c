import { expandStarts, findConflicts, type ScheduledSlot, slotsOf, snapToGrid, span } from './programme-slots';

const ZONE = 'Asia/Shanghai';
// Monday 2 March 2026, 19:00 in Shanghai.
const MONDAY_19 = new Date('2026-03-02T19:00:00+08:00');
const local = (d: Date) => span({ startsAt: d, endsAt: d }, ZONE).slice(0, 19);

describe('programme slots', () => {
  describe(expandStarts.name, () => {
    it('answers just startsAt without a repeat', () => {
      expect(expandStarts(MONDAY_19, ZONE)).toEqual([MONDAY_19]);
    });

    it('repeats on weekday evenings for the given weeks (each listed weekday `weeks` times)', () => {
      const starts = expandStarts(MONDAY_19, ZONE, { weekdays: [1, 2, 3, 4, 5], weeks: 2 });
      expect(starts.map(local)).toEqual([
        '2026-03-02 19:00:00',
        '2026-03-03 19:00:00',
        '2026-03-04 19:00:00',
        '2026-03-05 19:00:00',
        '2026-03-06 19:00:00',
        '2026-03-09 19:00:00',
        '2026-03-10 19:00:00',
        '2026-03-11 19:00:00',
        '2026-03-12 19:00:00',
        '2026-03-13 19:00:00',
      ]);
    });

    it('starts counting from startsAt and keeps startsAt even on an unlisted weekday', () => {
      const wednesday = new Date('2026-03-04T09:30:00+08:00');
      const starts = expandStarts(wednesday, ZONE, { weekdays: [6, 7], weeks: 2 });
      expect(starts.map(local)).toEqual([
        '2026-03-04 09:30:00',
        '2026-03-07 09:30:00',
        '2026-03-08 09:30:00',
        '2026-03-14 09:30:00',
        '2026-03-15 09:30:00',
      ]);
    });

    it('keeps the local wall-clock time across a daylight-saving change', () => {
      const start = new Date('2026-03-06T19:00:00+01:00'); // Friday, Berlin (DST begins 29 March)
      const starts = expandStarts(start, 'Europe/Berlin', { weekdays: [5], weeks: 5 });
      expect(starts.map((d) => span({ startsAt: d, endsAt: d }, 'Europe/Berlin').slice(11, 19))).toEqual([
        '19:00:00',
        '19:00:00',
        '19:00:00',
        '19:00:00',
        '19:00:00',
      ]);
      expect(starts[4].getTime() - starts[3].getTime()).toBe(7 * 86_400_000 - 3_600_000);
    });
  });

  describe(snapToGrid.name, () => {
    it('leaves grid times alone and moves others up to the next grid point', () => {
      expect(snapToGrid(MONDAY_19, 4)).toEqual(MONDAY_19);
      expect(snapToGrid(new Date(MONDAY_19.getTime() + 1), 4).getTime()).toBe(MONDAY_19.getTime() + 4000);
      expect(snapToGrid(new Date(MONDAY_19.getTime() + 3999), 4).getTime()).toBe(MONDAY_19.getTime() + 4000);
    });
  });

  describe(findConflicts.name, () => {
    const existing: ScheduledSlot[] = [
      {
        id: 'e1',
        title: '四年级音乐《草原放牧》',
        startsAt: new Date('2026-03-03T19:20:00+08:00'),
        endsAt: new Date('2026-03-03T20:00:00+08:00'),
      },
    ];

    it('finds the slots overlapping existing entries, naming both', () => {
      const slots = slotsOf(expandStarts(MONDAY_19, ZONE, { weekdays: [1, 2, 3], weeks: 1 }), 30 * 60_000, 4);
      const conflicts = findConflicts(slots, '数学', existing, ZONE);
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]).toMatchObject({
        startsAt: new Date('2026-03-03T19:00:00+08:00').toISOString(),
        other: { id: 'e1', title: '四年级音乐《草原放牧》' },
      });
      expect(conflicts[0].message).toBe(
        '"数学" at 2026-03-03 19:00:00–19:30:00 overlaps "四年级音乐《草原放牧》" at 2026-03-03 19:20:00–20:00:00',
      );
    });

    it('lets entries touch end to start', () => {
      const slots = slotsOf([new Date('2026-03-03T18:40:00+08:00')], 40 * 60_000, 4);
      expect(findConflicts(slots, '数学', existing, ZONE)).toEqual([]);
    });

    it('finds slots of one request overlapping each other (a resource longer than a day)', () => {
      const slots = slotsOf(expandStarts(MONDAY_19, ZONE, { weekdays: [1, 2], weeks: 1 }), 25 * 3600_000, 4);
      const conflicts = findConflicts(slots, '长片', [], ZONE);
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0].other.id).toBeUndefined();
      expect(conflicts[0].message).toContain('overlaps its own airing');
    });
  });
});
