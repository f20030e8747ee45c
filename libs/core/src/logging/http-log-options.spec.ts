import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { LogConfig } from '@tongke/config';
import { pinoHttp } from 'pino-http';
import { httpLogOptions } from './logging.module';

/** Runs one request through pino-http with the platform's options; answers the log lines. */
async function logOf(path: string, headers: Record<string, string> = {}): Promise<string> {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const logger = pinoHttp(httpLogOptions(new LogConfig('info', false)), stream);
  const server: Server = createServer((req, res) => {
    logger(req, res);
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await fetch(`http://127.0.0.1:${port}${path}`, { headers });
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return lines.join('');
}

describe(httpLogOptions.name, () => {
  it('keeps iCal subscription tokens and bearer tokens out of the request log', async () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI3NGU5In0.c2VjcmV0LXNpZ25hdHVyZQ';
    const log = await logOf(`/api/ical/${token}.ics`, { authorization: 'Bearer s3cret-access' });
    expect(log).toContain('"url":"/api/ical/[redacted]"');
    expect(log).not.toContain(token);
    expect(log).not.toContain('s3cret-access');
  });

  it('logs other URLs as they are', async () => {
    expect(await logOf('/api/communities/74e9/terms?x=1')).toContain('"url":"/api/communities/74e9/terms?x=1"');
  });
});
