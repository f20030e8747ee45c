import * as Y from 'yjs';
import { badAnchors, isRelativePosition } from './comment-anchor';

const encode = (position: Y.RelativePosition) => Buffer.from(Y.encodeRelativePosition(position)).toString('base64');

describe('comment anchors', () => {
  const doc = new Y.Doc();
  const text = doc.getText('objectives');
  text.insert(0, '理解课文内容，体会作者情感');

  it('accepts relative positions inside a text, at its end and with negative association', () => {
    expect(isRelativePosition(encode(Y.createRelativePositionFromTypeIndex(text, 2)))).toBe(true);
    expect(isRelativePosition(encode(Y.createRelativePositionFromTypeIndex(text, text.length)))).toBe(true);
    expect(isRelativePosition(encode(Y.createRelativePositionFromTypeIndex(text, 3, -1)))).toBe(true);
  });

  it('refuses base64 that is no relative position, truncated or with trailing bytes', () => {
    const good = Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, 2)));
    expect(isRelativePosition('aGVsbG8=')).toBe(false);
    expect(isRelativePosition('AQ==')).toBe(false);
    expect(isRelativePosition(good.subarray(0, good.length - 1).toString('base64'))).toBe(false);
    expect(isRelativePosition(Buffer.concat([good, Buffer.from([7, 7])]).toString('base64'))).toBe(false);
    expect(isRelativePosition('')).toBe(false);
  });

  it('names the bad fields', () => {
    const good = encode(Y.createRelativePositionFromTypeIndex(text, 1));
    expect(badAnchors({ anchorStart: good, anchorEnd: good })).toEqual([]);
    expect(badAnchors({ anchorStart: 'aGVsbG8=', anchorEnd: good })).toEqual(['anchorStart']);
    expect(badAnchors({ anchorStart: 'AQ==', anchorEnd: 'AQ==' })).toEqual(['anchorStart', 'anchorEnd']);
  });
});
