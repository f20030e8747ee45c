import { redactUrl } from './redact-url';

describe(redactUrl.name, () => {
  it('hides the password and keeps the rest', () => {
    expect(redactUrl('redis://user:hunter2@cache:6379/0')).toBe('redis://user:***@cache:6379/0');
    expect(redactUrl('redis://cache:6379')).toBe('redis://cache:6379');
    expect(redactUrl('not a url')).toBe('not a url');
  });
});
