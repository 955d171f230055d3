import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 in front of one port, to play a database that goes away: `forward` passes
 * connections through, `refuse` cuts every connection (a crash or a restart), `hang` accepts connections
 * and never answers (a partition, or a server stuck on its disk).
 */
export class TcpProxy {
  private mode: 'forward' | 'refuse' | 'hang' = 'forward';
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    /** The port the proxy listens on. */
    readonly port: number,
  ) {}

  static async start(targetPort: number): Promise<TcpProxy> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const proxy = new TcpProxy(server, (server.address() as { port: number }).port);
    server.on('connection', (socket) => proxy.accept(socket, targetPort));
    return proxy;
  }

  /** Passes new connections through again; connections left hanging are cut. */
  forward(): void {
    this.mode = 'forward';
    this.cutAll();
  }

  /** Cuts every connection, open or new. */
  refuse(): void {
    this.mode = 'refuse';
    this.cutAll();
  }

  /** Accepts new connections and never answers them. */
  hang(): void {
    this.mode = 'hang';
  }

  async close(): Promise<void> {
    this.cutAll();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private accept(socket: Socket, targetPort: number): void {
    this.track(socket);
    if (this.mode === 'refuse') {
      socket.destroy();
      return;
    }
    if (this.mode === 'hang') return;
    const upstream = this.track(connect(targetPort, '127.0.0.1'));
    socket.pipe(upstream).pipe(socket);
    socket.on('close', () => upstream.destroy());
    upstream.on('close', () => socket.destroy());
  }

  private track(socket: Socket): Socket {
    this.sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => this.sockets.delete(socket));
    return socket;
  }

  private cutAll(): void {
    for (const socket of this.sockets) socket.destroy();
  }
}
