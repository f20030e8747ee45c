import { BUILT_IN_TEMPLATES } from './built-in-templates.data';

describe('BUILT_IN_TEMPLATES', () => {
  it('covers the general case and 语文, 数学, 英语, 音乐, 美术, 科学 with unique ids', () => {
    expect(BUILT_IN_TEMPLATES.map((t) => t.subject ?? 'general').sort()).toEqual(
      ['general', 'chinese', 'math', 'english', 'music', 'art', 'science'].sort(),
    );
    expect(new Set(BUILT_IN_TEMPLATES.map((t) => t.id)).size).toBe(BUILT_IN_TEMPLATES.length);
  });

  it.each(BUILT_IN_TEMPLATES.map((t) => [t.name, t] as const))('%s fills every section, 40 minutes', (_n, t) => {
    const { content } = t;
    for (const text of [content.objectives, content.keyPoints, content.learnerAnalysis, content.boardDesign]) {
      expect(text.length).toBeGreaterThan(10);
    }
    expect(content.process.reduce((s, p) => s + p.minutes, 0)).toBe(40);
    expect(content.process.length).toBeGreaterThanOrEqual(4);
    expect(content.homework.length).toBeGreaterThan(0);
    expect(t.id.length).toBeLessThanOrEqual(40);
  });
});
