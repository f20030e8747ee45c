import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestId } from './logging.module';

function call(header?: string) {
  const headers: Record<string, string> = {};
  const req = { headers: header === undefined ? {} : { 'x-request-id': header } } as unknown as IncomingMessage;
  const res = { setHeader: (k: string, v: string) => (headers[k] = v) } as unknown as ServerResponse;
  return { id: requestId(req, res), headers };
}

describe(requestId.name, () => {
  it('reuses a well-formed incoming id and echoes it', () => {
    expect(call('lesson-abc-12345')).toEqual({
      id: 'lesson-abc-12345',
      headers: { 'X-Request-Id': 'lesson-abc-12345' },
    });
  });

  it('replaces a missing or malformed id with a UUID', () => {
    expect(call().id).toMatch(/^[0-9a-f-]{36}$/);
    expect(call('bad id\nwith newline').id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
