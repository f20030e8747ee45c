import { checkHomework } from '@tongke/contracts/research/homework-rules';
import { BUILT_IN_TEMPLATES } from './built-in-templates.data';
import { contentForGrade } from './plan-template.rules';

describe('contentForGrade', () => {
  it.each(BUILT_IN_TEMPLATES.map((t) => [t.name, t] as const))(
    '%s starts grade 1–2 plans without written homework',
    (_n, t) => {
      for (const grade of [1, 2]) {
        const content = contentForGrade(t.content, grade);
        expect(checkHomework(grade, content.homework)).toEqual([]);
        expect(content.homework.map((h) => h.content)).toEqual(t.content.homework.map((h) => h.content));
      }
    },
  );

  it('turns written items into oral ones only, and keeps them from grade 3 on', () => {
    const chinese = BUILT_IN_TEMPLATES.find((t) => t.id === 'builtin:chinese')!;
    expect(chinese.content.homework.map((h) => h.kind)).toEqual(['written', 'oral', 'reading']);
    expect(contentForGrade(chinese.content, 1).homework.map((h) => h.kind)).toEqual(['oral', 'oral', 'reading']);
    expect(contentForGrade(chinese.content, 3).homework.map((h) => h.kind)).toEqual(['written', 'oral', 'reading']);
    expect(contentForGrade(chinese.content, 1)).not.toBe(chinese.content);
    expect(chinese.content.homework[0].kind).toBe('written');
  });
});
