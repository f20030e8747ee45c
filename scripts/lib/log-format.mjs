// Turns a child's pino JSON log line into "[name] LEVEL message" for the terminal;
// other lines pass through with the name prefix.
const LEVELS = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

// Nest's start-up chatter: useful in JSON logs, noise in a terminal.
const QUIET_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory']);

/** Returns the line to print, or null to drop it. */
export function formatLogLine(name, line) {
  if (!line.startsWith('{')) return `[${name}] ${line}`;
  try {
    const entry = JSON.parse(line);
    if (QUIET_CONTEXTS.has(entry.context) && entry.level <= 30) return null;
    const level = LEVELS[entry.level] ?? entry.level;
    const req = entry.req ? ` ${entry.req.method} ${entry.req.url} ${entry.res?.statusCode ?? ''}` : '';
    const ctx = entry.context ? ` (${entry.context})` : '';
    const err = entry.err?.message ? `: ${entry.err.message}` : '';
    return `[${name}] ${level} ${entry.msg ?? ''}${req}${ctx}${err}`;
  } catch {
    return `[${name}] ${line}`;
  }
}
