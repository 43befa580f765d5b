/**
 * A real HTTP CONNECT proxy on 127.0.0.1, like an office's: it opens a
 * tunnel to `host:port` and pipes bytes both ways, resolving names itself
 * from `hosts` (names such as `slack.test` that only the proxy knows, as in
 * a network without outside DNS), so a connection that goes around it fails.
 * It records every CONNECT target and every request that was not a CONNECT,
 * and can refuse tunnels as a proxy does (403 by policy, 407 wanting credentials, 502 upstream down).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { type AddressInfo, connect, isIP, type Socket } from 'node:net';

export interface ConnectProxyOptions {
  /** Names the proxy resolves: `{ 'slack.test': '127.0.0.1' }`. IP literals need no entry. */
  hosts?: Readonly<Record<string, string>>;
}

export class ConnectProxy {
  /** `host:port` of every CONNECT, in arrival order (refused ones too). */
  readonly connects: string[] = [];
  /** `METHOD url` of every request that was not a CONNECT (a client ignoring the tunnel). */
  readonly plainRequests: string[] = [];
  readonly #hosts: Readonly<Record<string, string>>;
  readonly #sockets = new Set<Socket>();
  #refuseWith: 403 | 407 | 502 | null = null;
  #server: Server | null = null;

  constructor(options: ConnectProxyOptions = {}) {
    this.#hosts = options.hosts ?? {};
  }

  async start(): Promise<this> {
    const server = createServer((req, res) => {
      this.plainRequests.push(`${req.method} ${req.url}`);
      res.writeHead(405, { 'content-type': 'text/plain' }).end('this proxy only tunnels (CONNECT)');
    });
    server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => this.#tunnel(req, client, head));
    server.on('connection', (socket: Socket) => this.#track(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.#server = server;
    return this;
  }

  /** `http://127.0.0.1:PORT`: the value of HTTPS_PROXY / HTTP_PROXY. */
  get url(): string {
    if (!this.#server) throw new Error('ConnectProxy not started');
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** From now on every CONNECT is answered with this status; null tunnels again. */
  refuse(status: 403 | 407 | 502 | null): void {
    this.#refuseWith = status;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    this.#server = null;
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  #tunnel(req: IncomingMessage, client: Socket, head: Buffer): void {
    const target = req.url ?? '';
    this.connects.push(target);
    const match = /^(.+):(\d+)$/.exec(target);
    const name = match?.[1]?.replace(/^\[|\]$/g, '') ?? '';
    const address = isIP(name) ? name : this.#hosts[name];
    if (this.#refuseWith !== null || !match || address === undefined) {
      const status = this.#refuseWith ?? 502;
      const reason = { 403: 'Forbidden', 407: 'Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="office"', 502: 'Bad Gateway' }[status];
      client.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
      return;
    }
    const upstream = this.#track(connect(Number(match[2]), address));
    upstream.once('connect', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.once('error', () => {
      if (upstream.connecting) client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      else client.destroy();
    });
    client.once('error', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
    client.once('close', () => upstream.destroy());
  }

  #track(socket: Socket): Socket {
    this.#sockets.add(socket);
    socket.once('close', () => this.#sockets.delete(socket));
    return socket;
  }
}
