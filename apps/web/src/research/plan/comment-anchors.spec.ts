import { describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { encodeAnchor, rangesIn, resolveAnchor } from './comment-anchors';

function twoDocs(text: string): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  a.getText('objectives').insert(0, text);
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  return [a, b];
}
const exchange = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};
const slice = (doc: Y.Doc, r: { from: number; to: number } | null) =>
  r ? doc.getText('objectives').toString().slice(r.from, r.to) : null;

describe('comment anchors', () => {
  it('follows the commented text through concurrent edits before, inside and at its edges', () => {
    const [a, b] = twoDocs('理解分数的意义');
    const anchor = encodeAnchor(a.getText('objectives'), 2, 4); // 分数
    b.getText('objectives').insert(0, '1. ');
    a.getText('objectives').insert(7, '和性质');
    b.getText('objectives').insert(5, '【'); // right before 分数 (after "1. 理解")
    exchange(a, b);
    expect(slice(a, resolveAnchor(a, anchor))).toBe('分数');
    expect(slice(b, resolveAnchor(b, anchor))).toBe('分数');
    b.getText('objectives').insert(7, '小'); // inside: 分|数
    exchange(a, b);
    expect(slice(a, resolveAnchor(a, anchor))).toBe('分小数');
  });

  it('resolves to null once the commented text was deleted', () => {
    const [a] = twoDocs('abcdef');
    const anchor = encodeAnchor(a.getText('objectives'), 1, 3);
    a.getText('objectives').delete(0, 4);
    expect(resolveAnchor(a, anchor)).toBeNull();
  });

  it('resolves to null for unreadable anchors', () => {
    const [a] = twoDocs('abc');
    expect(resolveAnchor(a, { anchorStart: '%%%', anchorEnd: 'AAAA' })).toBeNull();
  });

  it('lists the unresolved ranges of one text only, in order', () => {
    const doc = new Y.Doc();
    const text = doc.getText('objectives');
    const other = doc.getText('reflection');
    text.insert(0, 'hello world');
    other.insert(0, 'other');
    const comments = [
      { id: 'c2', ...encodeAnchor(text, 6, 11) },
      { id: 'c1', ...encodeAnchor(text, 0, 5) },
      { id: 'c3', ...encodeAnchor(text, 0, 2), resolved: true },
      { id: 'c4', ...encodeAnchor(other, 0, 5) },
    ];
    expect(rangesIn(doc, text, comments)).toEqual([
      { id: 'c1', from: 0, to: 5 },
      { id: 'c2', from: 6, to: 11 },
    ]);
    expect(rangesIn(doc, other, comments).map((r) => r.id)).toEqual(['c4']);
  });
});
