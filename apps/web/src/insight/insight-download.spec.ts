import { describe, expect, it } from '@jest/globals';
import { filenameFromDisposition } from './insight-download';

describe(filenameFromDisposition.name, () => {
  it('prefers the UTF-8 name', () => {
    expect(
      filenameFromDisposition(
        `attachment; filename="insight-schools.csv"; filename*=UTF-8''${encodeURIComponent('各校指标.csv')}`,
        'x.csv',
      ),
    ).toBe('各校指标.csv');
  });

  it('reads a plain name, quoted or not', () => {
    expect(filenameFromDisposition('attachment; filename="trend.xlsx"', 'x')).toBe('trend.xlsx');
    expect(filenameFromDisposition('attachment; filename=trend.csv', 'x')).toBe('trend.csv');
  });

  it('drops path parts and falls back when there is no name', () => {
    expect(filenameFromDisposition('attachment; filename="../../etc/passwd"', 'x')).toBe('passwd');
    expect(filenameFromDisposition('attachment', 'insight-live.csv')).toBe('insight-live.csv');
    expect(filenameFromDisposition(null, 'insight-live.csv')).toBe('insight-live.csv');
    expect(filenameFromDisposition("attachment; filename*=UTF-8''%E0%A4%A", 'fallback.csv')).toBe('fallback.csv');
  });
});
