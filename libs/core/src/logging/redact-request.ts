/**
 * URL paths whose last segment is a credential: iCal subscription links (`/api/ical/<token>.ics`)
 * carry a signed token that works without any other sign-in.
 */
const SECRET_PATHS = [/^(\/api\/ical\/)[^/?#]+/];

/** The URL with credentials in its path replaced by `[redacted]`. */
export function redactSecretPath(url: string): string {
  return SECRET_PATHS.reduce((u, pattern) => u.replace(pattern, '$1[redacted]'), url);
}

/** A pino request (as pino-std-serializers made it) with secret path segments and their route params hidden. */
export function redactRequest<T extends { url?: unknown; params?: unknown }>(req: T): T {
  if (typeof req.url !== 'string') return req;
  const url = redactSecretPath(req.url);
  if (url === req.url) return req;
  return { ...req, url, params: {} };
}
