import { createHmac } from 'node:crypto';
import { turnIceServers, TURN_CREDENTIAL_TTL_S } from './turn-credentials';

describe('TURN credentials', () => {
  const turn = { urls: ['turn:turn.example.org:3478', 'turns:turn.example.org:5349'], secret: 's3cret' };
  const now = Date.UTC(2026, 10, 23, 10, 0, 0);

  it('gives none without a TURN server', () => {
    expect(turnIceServers(undefined, 'p1', now)).toEqual([]);
  });

  it('signs `${expiry}:${peerId}` with HMAC-SHA1 of the shared secret (TURN REST API)', () => {
    const [server] = turnIceServers(turn, 'p1', now);
    const expiry = now / 1000 + TURN_CREDENTIAL_TTL_S;
    expect(server.urls).toEqual(turn.urls);
    expect(server.username).toBe(`${expiry}:p1`);
    expect(server.credential).toBe(createHmac('sha1', 's3cret').update(`${expiry}:p1`).digest('base64'));
    // A fixed vector (`echo -n 60:x | openssl dgst -sha1 -hmac s3cret -binary | base64`).
    expect(turnIceServers(turn, 'x', 0, 60)[0]).toMatchObject({
      username: '60:x',
      credential: '3ppNw6/wKm8rtb9iGApafnPhDHQ=',
    });
  });
});
