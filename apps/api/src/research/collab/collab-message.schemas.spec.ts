import { COLLAB_LIMITS, ErrorCode } from '@tongke/contracts';
import { parseCollabRequest } from './collab-message.schemas';

const docId = 'plan:0123456789abcdef01234567';

describe(parseCollabRequest.name, () => {
  it('accepts binary payloads as Uint8Array or Buffer', () => {
    expect(parseCollabRequest('doc:sync', { docId, message: new Uint8Array([0, 0]) }).message).toEqual(
      new Uint8Array([0, 0]),
    );
    const parsed = parseCollabRequest('doc:awareness', { docId, update: Buffer.from([0]) });
    expect(parsed.update).toBeInstanceOf(Uint8Array);
  });

  it.each([
    ['doc:join', { docId: 'plan:xyz' }],
    ['doc:join', { docId: `lesson:${'a'.repeat(24)}` }],
    ['doc:join', { docId, extra: 1 }],
    ['doc:sync', { docId, message: 'AAAA' }],
    ['doc:sync', { docId }],
    ['doc:awareness', { docId, update: [1, 2] }],
    ['doc:leave', null],
  ] as const)('refuses %s %j with BAD_REQUEST', (event, payload) => {
    expect(() => parseCollabRequest(event, payload)).toThrow(expect.objectContaining({ code: ErrorCode.BAD_REQUEST }));
  });

  it('refuses a message over messageMaxBytes with PAYLOAD_TOO_LARGE', () => {
    const message = new Uint8Array(COLLAB_LIMITS.messageMaxBytes + 1);
    expect(() => parseCollabRequest('doc:sync', { docId, message })).toThrow(
      expect.objectContaining({ code: ErrorCode.PAYLOAD_TOO_LARGE }),
    );
    expect(() => parseCollabRequest('doc:sync', { docId, message: message.subarray(1) })).not.toThrow();
  });
});
