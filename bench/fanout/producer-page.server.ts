import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const INDEX = '<!doctype html><meta charset="utf-8"><title>fan-out producer</title><script src="page.js"></script>';

/**
 * Serves the producer page from 127.0.0.1 on a free port: a real loopback origin, so
 * Chromium's local-network-access checks let the page reach the media node's socket.
 */
export class ProducerPageServer {
  private server?: Server;
  url = '';

  async start(bundle: string): Promise<string> {
    const server = createServer((req, res) => {
      const js = req.url === '/page.js';
      if (!js && req.url !== '/' && req.url !== '/index.html') {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': js ? 'text/javascript' : 'text/html; charset=utf-8' });
      res.end(js ? bundle : INDEX);
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this.url;
  }

  stop(): Promise<void> {
    const server = this.server;
    if (!server) return Promise.resolve();
    return new Promise((resolve) => server.close(() => resolve()));
  }
}
