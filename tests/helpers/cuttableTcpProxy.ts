import net from 'node:net';

/** A TCP proxy on a loopback port in front of one service, that a test can cut off from it and join again. */
export interface CuttableTcpProxy {
  readonly port: number;
  /** Connections piped through now (a node's Redis client and its adapter's take several). */
  readonly open: number;
  /** A network partition: destroys every piped connection (both sides) and drops every new one until `heal()`. */
  cut(): void;
  /** Pipes new connections through again. */
  heal(): void;
  close(): Promise<void>;
}

/** Starts a proxy to `target` (host and port) on a free loopback port. */
export async function startCuttableTcpProxy(target: { host: string; port: number }): Promise<CuttableTcpProxy> {
  /** Each piped connection: the client's socket and the one to the target. */
  const piped = new Set<readonly [net.Socket, net.Socket]>();
  let isCut = false;
  const server = net.createServer((client) => {
    if (isCut) {
      client.destroy();
      return;
    }
    const pair = [client, net.connect(target.port, target.host)] as const;
    piped.add(pair);
    const [one, two] = pair;
    for (const [socket, other] of [
      [one, two],
      [two, one],
    ] as const) {
      socket.on('error', () => other.destroy());
      socket.on('close', () => {
        piped.delete(pair);
        other.destroy();
      });
      socket.pipe(other);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as net.AddressInfo).port,
    get open() {
      return piped.size;
    },
    cut() {
      isCut = true;
      for (const pair of piped) for (const socket of pair) socket.destroy();
    },
    heal() {
      isCut = false;
    },
    close() {
      for (const pair of piped) for (const socket of pair) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
