import net from 'node:net';

export interface TcpProxy {
  /** The port it listens on while up (fixed for its whole life). */
  port: number;
  /** Starts forwarding to the target. */
  up(): Promise<void>;
  /** Cuts every connection and refuses new ones: the database is "unreachable". */
  down(): Promise<void>;
}

/** A TCP forwarder to `host:port` that a test can take down and bring back up. */
export async function tcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const port = await new Promise<number>((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address() as net.AddressInfo;
      probe.close(() => resolve(address.port));
    });
  });
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;

  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };

  return {
    port,
    up: () =>
      new Promise<void>((resolve, reject) => {
        server = net.createServer((client) => {
          const upstream = net.connect(target.port, target.host);
          track(client);
          track(upstream);
          client.on('close', () => upstream.destroy());
          upstream.on('close', () => client.destroy());
          client.pipe(upstream).pipe(client);
        });
        server.on('error', reject);
        server.listen(port, '127.0.0.1', () => resolve());
      }),
    down: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        if (!server) return resolve();
        server.close(() => resolve());
        server = null;
      }),
  };
}
