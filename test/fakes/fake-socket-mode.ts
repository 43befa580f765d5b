/**
 * A local fake of Slack's Socket Mode endpoint: a real WebSocket server
 * (RFC 6455 handshake and frames by hand, Node only) that greets every
 * connection with Slack's `hello` envelope, answers pings, and records each
 * connection. Its `url` is what apps.connections.open hands out.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export class FakeSocketMode {
  /** The request path and Host header of every WebSocket connection, in order. */
  readonly connections: { path: string; host: string }[] = [];
  readonly #sockets = new Set<Socket>();
  #server: Server | null = null;

  async start(): Promise<this> {
    const server = createServer((_req, res) => res.writeHead(426).end());
    server.on('upgrade', (req: IncomingMessage, socket: Socket) => this.#accept(req, socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.#server = server;
    return this;
  }

  get port(): number {
    if (!this.#server) throw new Error('FakeSocketMode not started');
    return (this.#server.address() as AddressInfo).port;
  }

  /** The ws:// URL on `host` (a name the proxy resolves to 127.0.0.1, or 127.0.0.1 itself). */
  urlOn(host: string): string {
    return `ws://${host}:${this.port}/link/?ticket=fake`;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    this.#server = null;
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  #accept(req: IncomingMessage, socket: Socket): void {
    const key = req.headers['sec-websocket-key'];
    if (typeof key !== 'string') {
      socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
      return;
    }
    this.#sockets.add(socket);
    socket.once('close', () => this.#sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    this.connections.push({ path: req.url ?? '', host: req.headers.host ?? '' });
    const accept = createHash('sha1').update(key + WEBSOCKET_GUID).digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    socket.write(frame(0x1, Buffer.from(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A0FAKE' } }))));
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      for (let read = readFrame(pending); read !== null; read = readFrame(pending)) {
        pending = pending.subarray(read.size);
        if (read.opcode === 0x9) socket.write(frame(0xa, read.payload));
        if (read.opcode === 0x8) socket.end(frame(0x8, read.payload));
      }
    });
  }
}

/** A final, unmasked server frame (server frames are never masked). */
function frame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const header = length < 126 ? Buffer.from([0x80 | opcode, length]) : Buffer.from([0x80 | opcode, 126, length >> 8, length & 0xff]);
  return Buffer.concat([header, payload]);
}

/** One complete client frame (always masked) from the start of `data`, or null while more is needed. */
function readFrame(data: Buffer): { opcode: number; payload: Buffer; size: number } | null {
  if (data.length < 2) return null;
  const opcode = (data[0] ?? 0) & 0x0f;
  let length = (data[1] ?? 0) & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (data.length < 4) return null;
    length = data.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (data.length < 10) return null;
    length = Number(data.readBigUInt64BE(2));
    offset = 10;
  }
  if (data.length < offset + 4 + length) return null;
  const mask = data.subarray(offset, offset + 4);
  const payload = Buffer.from(data.subarray(offset + 4, offset + 4 + length));
  for (let i = 0; i < payload.length; i += 1) payload[i] = (payload[i] ?? 0) ^ (mask[i % 4] ?? 0);
  return { opcode, payload, size: offset + 4 + length };
}
