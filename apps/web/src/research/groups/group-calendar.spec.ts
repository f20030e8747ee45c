import { describe, expect, it } from '@jest/globals';
import type { ResearchActivityView } from '@tongke/contracts';
import { activityDays, calendarMonth, latestGate, localDay, shiftMonth } from './group-calendar';

const activity = (id: string, plannedAt: string) => ({ id, plannedAt }) as ResearchActivityView;

describe('group calendar', () => {
  it('covers a whole local month and moves across years', () => {
    const m = calendarMonth(2026, 3);
    expect(new Date(m.from)).toEqual(new Date(2026, 2, 1));
    expect(new Date(m.to)).toEqual(new Date(2026, 3, 1));
    expect(shiftMonth(calendarMonth(2026, 12), 1)).toMatchObject({ year: 2027, month: 1 });
    expect(shiftMonth(calendarMonth(2026, 1), -1)).toMatchObject({ year: 2025, month: 12 });
  });

  it('groups activities by local day in time order', () => {
    const a = activity('a', new Date(2026, 2, 5, 14, 0).toISOString());
    const b = activity('b', new Date(2026, 2, 5, 9, 0).toISOString());
    const c = activity('c', new Date(2026, 2, 9, 9, 0).toISOString());
    const days = activityDays([a, c, b]);
    expect(days.map((d) => [d.day, d.activities.map((x) => x.id)])).toEqual([
      ['2026-03-05', ['b', 'a']],
      ['2026-03-09', ['c']],
    ]);
    expect(localDay(a.plannedAt)).toBe('2026-03-05');
  });
});

describe(latestGate.name, () => {
  it("keeps only the newest month's answer when an older one arrives late", async () => {
    const gate = latestGate();
    const shown: string[] = [];
    const answers = new Map<string, (value: string) => void>();
    const load = async (month: string) => {
      const ticket = gate.next();
      const found = await new Promise<string>((resolve) => answers.set(month, resolve));
      if (gate.isLatest(ticket)) shown.push(found);
    };
    const march = load('2026-03');
    const april = load('2026-04');
    answers.get('2026-04')!('april');
    await april;
    answers.get('2026-03')!('march');
    await march;
    expect(shown).toEqual(['april']);
  });
});
