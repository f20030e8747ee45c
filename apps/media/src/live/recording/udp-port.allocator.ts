import { createSocket, type Socket } from 'node:dgram';
import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';

/** An RTP port and its RTCP port (RTP + 1) on loopback, leased to one ffmpeg. */
export interface PortPair {
  rtp: number;
  rtcp: number;
}

/**
 * Ports handed out below Linux's ephemeral range (32768+), so the kernel never gives them to
 * another socket on its own, and outside mediasoup's RTC range (40000-49999 by default).
 */
const RANGE_START = 20000;
const RANGE_PAIRS = 5000;
const ATTEMPTS = 64;

/**
 * Free local UDP port pairs for recorders' ffmpegs. A pair is leased only if both ports can be
 * bound on 127.0.0.1 right now and no other lease of this process holds it; it stays leased
 * until released (after its ffmpeg exited).
 */
@Injectable()
export class UdpPortAllocator {
  private readonly leased = new Set<number>();

  async lease(): Promise<PortPair> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const rtp = RANGE_START + 2 * randomInt(RANGE_PAIRS);
      if (this.leased.has(rtp)) continue;
      this.leased.add(rtp);
      if (await UdpPortAllocator.canBind([rtp, rtp + 1])) return { rtp, rtcp: rtp + 1 };
      this.leased.delete(rtp);
    }
    throw new Error(`no free UDP port pair found in ${ATTEMPTS} attempts`);
  }

  release(pair: PortPair): void {
    this.leased.delete(pair.rtp);
  }

  /** Whether every port can be bound on 127.0.0.1 (each is bound, then closed again). */
  private static async canBind(ports: number[]): Promise<boolean> {
    const sockets: Socket[] = [];
    try {
      for (const port of ports) sockets.push(await UdpPortAllocator.tryBind(port));
      return true;
    } catch {
      return false;
    } finally {
      await Promise.all(sockets.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    }
  }

  private static tryBind(port: number): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const socket = createSocket('udp4');
      socket.once('error', (err) => {
        socket.close();
        reject(err);
      });
      socket.bind({ port, address: '127.0.0.1', exclusive: true }, () => resolve(socket));
    });
  }
}
