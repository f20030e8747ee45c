import { ConfigError } from '@tongke/config';
import { describeStartupError } from './boot';

describe(describeStartupError.name, () => {
  it('passes a configuration error through as its one line', () => {
    expect(describeStartupError(new ConfigError(['API_PORT must be a port number 1-65535']), {})).toBe(
      'Invalid configuration: API_PORT must be a port number 1-65535',
    );
  });

  it('names the variable of a busy port', () => {
    const err = Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE', port: 3000 });
    expect(describeStartupError(err, { API_PORT: 3000 })).toBe(
      'API_PORT 3000 is already in use: stop the other process or choose another port',
    );
  });

  it('falls back to the error message', () => {
    expect(describeStartupError(new Error('boom'), {})).toBe('boom');
    expect(describeStartupError('plain', {})).toBe('plain');
  });
});
