import { describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { DocSizeGauge, EDIT_HEADROOM_BYTES, sizeRefusal, utf8Bytes } from './collab-size-limit';

const LIMITS = { messageMaxBytes: 4096, docMaxBytes: 16_384 };

describe(sizeRefusal.name, () => {
  it('counts UTF-8 bytes (a Chinese character is three)', () => {
    expect(utf8Bytes('教案')).toBe(6);
  });

  it('refuses one insertion over the message limit and a document growing over its limit', () => {
    expect(sizeRefusal(0, 10_000_000, LIMITS)).toBeNull();
    expect(sizeRefusal(100, 0, LIMITS)).toBeNull();
    expect(sizeRefusal(4096 - EDIT_HEADROOM_BYTES + 1, 0, LIMITS)).toBe('message');
    expect(sizeRefusal(2000, 16_384 - 2000, LIMITS)).toBe('document');
  });
});

describe(DocSizeGauge.name, () => {
  it('measures again before refusing for the document size, so a bound that overestimates does not refuse', () => {
    const doc = new Y.Doc();
    const gauge = new DocSizeGauge(doc, LIMITS);
    const text = doc.getText('objectives');
    // Many one-character updates: their sum is far larger than the merged document.
    for (let i = 0; i < 800; i++) text.insert(i, 'a');
    expect(gauge.check('b'.repeat(2000))).toBeNull();
    text.insert(0, '教'.repeat(4000));
    expect(gauge.check('b'.repeat(3000))).toBe('document');
    expect(gauge.check('b'.repeat(5000))).toBe('message');
  });
});
