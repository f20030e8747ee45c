import { describe, expect, it } from '@jest/globals';
import type { LinkStatsView } from '@tongke/contracts/insight/insight-views';
import { LessonRole } from '@tongke/contracts/live/lesson-role';
import {
  balanceVerdict,
  cellText,
  columnTitle,
  formatCv,
  formatNumber,
  formatPercent,
  linkBadges,
  nationalLine,
  NONE,
  tableLang,
  tooFewForBalance,
} from './insight-format';

describe('insight formatting', () => {
  it(`${formatPercent.name} shows ratios as percent, null as a dash`, () => {
    expect(formatPercent(0.8532)).toBe('85.3%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(null)).toBe(NONE);
    expect(formatPercent(Number.NaN)).toBe(NONE);
  });

  it(`${formatNumber.name} groups digits and limits decimals`, () => {
    expect(formatNumber(12345.678, 'en', 1)).toBe('12,345.7');
    expect(formatNumber(3, 'en', 2)).toBe('3');
    expect(formatNumber(null, 'en')).toBe(NONE);
  });

  it(`${formatCv.name} shows three decimals`, () => {
    expect(formatCv(0.28)).toBe('0.280');
    expect(formatCv(0.12345)).toBe('0.123');
    expect(formatCv(null)).toBe(NONE);
  });

  it(`${cellText.name} renders cells as the export holds them`, () => {
    expect(cellText(null, 'en')).toBe(NONE);
    expect(cellText('东城小学', 'en')).toBe('东城小学');
    expect(cellText(0.12345, 'en')).toBe('0.1235');
    expect(cellText(1200, 'en')).toBe('1,200');
  });

  it(`${columnTitle.name} picks the header of the UI language`, () => {
    const col = { key: 'school', zh: '学校', en: 'School' };
    expect(columnTitle(col, 'zh-CN')).toBe('学校');
    expect(columnTitle(col, 'en')).toBe('School');
  });
});

describe(balanceVerdict.name, () => {
  it('judges against 0.28 and the national line', () => {
    expect(balanceVerdict(0.28, 0.5)).toBe('good');
    expect(balanceVerdict(0.2801, 0.5)).toBe('pass');
    expect(balanceVerdict(0.5, 0.5)).toBe('pass');
    expect(balanceVerdict(0.47, 0.45)).toBe('over');
    expect(balanceVerdict(null, 0.45)).toBe('none');
  });

  it(`${nationalLine.name} is 0.45 when junior grades are in scope, else 0.50`, () => {
    expect(nationalLine(['primary'])).toBe(0.5);
    expect(nationalLine([])).toBe(0.5);
    expect(nationalLine(['primary', 'junior'])).toBe(0.45);
    expect(nationalLine(['nine_year'])).toBe(0.45);
  });
});

describe(tooFewForBalance.name, () => {
  it('needs at least 2 schools for a coefficient (a school admin sees a message, not a verdict)', () => {
    expect([0, 1, 2, 3].map(tooFewForBalance)).toEqual([true, true, false, false]);
  });
});

describe(tableLang.name, () => {
  it('words tables and exports in English for the English UI, else in Chinese', () => {
    expect([tableLang('en'), tableLang('zh-CN'), tableLang('fr')]).toEqual(['en', 'zh-CN', 'zh-CN']);
  });
});

describe(linkBadges.name, () => {
  const link = (over: Partial<LinkStatsView>): LinkStatsView => ({
    userId: 'u',
    name: '教室',
    role: LessonRole.CLASSROOM,
    inKbps: 800,
    outKbps: 1200,
    reportedAt: '2025-03-10T08:00:00.000Z',
    ...over,
  });

  it('turns red above 5 % loss or 300 ms RTT', () => {
    expect(linkBadges(link({ lossPct: 5, rttMs: 300 }))).toEqual({ lossBad: false, rttBad: false });
    expect(linkBadges(link({ lossPct: 5.1, rttMs: 301 }))).toEqual({ lossBad: true, rttBad: true });
    expect(linkBadges(link({}))).toEqual({ lossBad: false, rttBad: false });
  });
});
