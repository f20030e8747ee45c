import { z } from 'zod';
import { zodMessage } from './zod-message';

describe(zodMessage.name, () => {
  const schema = z.object({ a: z.object({ b: z.number() }), c: z.string() }).strict();

  it('names each problem by its path, on one line', () => {
    const error = schema.safeParse({ a: { b: 'x' }, c: 1 }).error!;
    expect(zodMessage(error)).toMatch(/^a\.b: .+; c: .+$/);
  });

  it('labels problems with the value itself only when asked', () => {
    const error = schema.safeParse('nonsense').error!;
    const plain = error.issues[0].message;
    expect(zodMessage(error)).toBe(plain);
    expect(zodMessage(error, 'body')).toBe(`body: ${plain}`);
  });
});
