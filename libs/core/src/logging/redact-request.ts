/**
 * URL paths carrying a credential: iCal subscription links (`/api/ical/<token>.ics`) and signed
 * playback links (`…/<expiry>.<HMAC>/…`: library media, time-shift, channels) work without any
 * other sign-in.
 */
const SECRET_PATHS = [/^(\/api\/ical\/)[^/?#]+/, /(\/)[0-9a-z]{1,12}\.[A-Za-z0-9_-]{43}(?=[/?#]|$)/g];

/** The URL with credentials in its path replaced by `[redacted]`. */
export function redactSecretPath(url: string): string {
  return SECRET_PATHS.reduce((u, pattern) => u.replace(pattern, '$1[redacted]'), url);
}

/** What a request log line says about the request: its id, method and URL (credentials in the path hidden). */
export interface RequestLogView {
  id: unknown;
  method: string | undefined;
  url: string | undefined;
}

/**
 * The request as logged. Deliberately small: pino serializes it when each request's child logger is
 * made (on every request, logged or not), so headers — which may carry credentials anyway — stay out.
 */
export function requestLogView(req: {
  id?: unknown;
  method?: string;
  originalUrl?: string;
  url?: string;
}): RequestLogView {
  const url = req.originalUrl ?? req.url;
  return { id: req.id, method: req.method, url: typeof url === 'string' ? redactSecretPath(url) : undefined };
}

/** The response as logged: its status. */
export function responseLogView(res: { statusCode?: number }): { statusCode: number | undefined } {
  return { statusCode: res.statusCode };
}
