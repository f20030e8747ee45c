import { SearchTokenizer } from './search-tokenizer';

describe(SearchTokenizer.name, () => {
  const tokenizer = new SearchTokenizer();
  const matches = (query: string, tokens: string[]) => {
    const wanted = tokenizer.tokenize(query);
    return wanted.length > 0 && wanted.every((t) => tokens.includes(t));
  };

  it('cuts Chinese titles in search mode and drops punctuation', () => {
    const tokens = tokenizer.tokenize('四年级音乐《草原放牧》');
    expect(tokens).toEqual(expect.arrayContaining(['四年级', '年级', '音乐', '草原', '放牧']));
    expect(tokens).not.toContain('《');
    expect(tokens).not.toContain('》');
  });

  it('finds "音乐" in a music title and not in a maths one', () => {
    const music = tokenizer.resourceTokens({ title: '四年级音乐《草原放牧》', subject: 'music' });
    const maths = tokenizer.resourceTokens({ title: '数学', subject: 'math' });
    expect(matches('音乐', music)).toBe(true);
    expect(matches('音乐', maths)).toBe(false);
    expect(matches('草原放牧', music)).toBe(true);
    expect(matches('草原 数学', music)).toBe(false);
  });

  it('lower-cases English words, folds full-width letters and drops whitespace', () => {
    const tokens = tokenizer.tokenize('Unit 3  Hello World，ＡＢＣ');
    expect(tokens).toEqual(['unit', '3', 'hello', 'world', 'abc']);
    expect(tokenizer.tokenize('HELLO')).toEqual(['hello']);
  });

  it('indexes description, tags, chapter, textbook edition and the subject name, deduped', () => {
    const tokens = tokenizer.resourceTokens({
      title: '分数的意义',
      description: '通过折纸理解分数',
      tags: ['公开课', 'PBL'],
      chapter: '第四单元',
      textbookEdition: '人教版',
      subject: 'math',
    });
    for (const t of ['分数', '意义', '折纸', '公开课', 'pbl', '单元', '人教版', '数学']) expect(tokens).toContain(t);
    expect(tokens.filter((t) => t === '分数')).toHaveLength(1);
  });

  it('answers no tokens for empty or punctuation-only text', () => {
    expect(tokenizer.tokenize('')).toEqual([]);
    expect(tokenizer.tokenize('  《》，。!? ')).toEqual([]);
  });
});
