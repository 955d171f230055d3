import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A load balancer in front of coop replicas on 127.0.0.1: each request goes to the next replica in turn;
 * a replica that refuses the connection is skipped. A request cut off inside a replica (killed while
 * handling it) is answered 502, and Slack retries the delivery.
 */
export class RoundRobinProxy {
  private next = 0;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    /** The replicas' ports; may be changed while running (a replica restarted on a new port). */
    public backends: number[],
  ) {}

  static async start(backends: number[]): Promise<RoundRobinProxy> {
    const server = createServer();
    const proxy = new RoundRobinProxy(server, backends);
    server.on('request', (incoming, outgoing) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () =>
        proxy.forward(incoming, Buffer.concat(chunks), outgoing, proxy.backends.length),
      );
    });
    server.on('connection', (socket) => {
      proxy.sockets.add(socket);
      socket.on('close', () => proxy.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  /** Sends the request to the next replica; one that refuses the connection is skipped, as balancers do. */
  private forward(
    incoming: IncomingMessage,
    body: Buffer,
    outgoing: ServerResponse,
    triesLeft: number,
  ): void {
    const port = this.backends[this.next++ % this.backends.length];
    const forwarded = request(
      {
        host: '127.0.0.1',
        port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
        agent: false,
      },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    forwarded.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED' && triesLeft > 1) {
        this.forward(incoming, body, outgoing, triesLeft - 1);
        return;
      }
      if (!outgoing.headersSent) outgoing.writeHead(502);
      outgoing.end();
    });
    forwarded.end(body);
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
