// A small TCP proxy in front of the team server, so a test can cut one desk's team connection
// (stop: every open connection dropped, new ones refused) and give it back on the same port,
// or cut a connection in the middle of a response (after N bytes of it).
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  url: string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  /**
   * The next `times` responses to requests whose first line contains `request` (e.g.
   * 'GET /team/v1/pull') are cut after `bytes` bytes: the client gets those bytes, then the
   * connection drops. Resolves the returned `done` once all were cut.
   */
  cutResponses(request: string, bytes: number, times?: number): { done: Promise<void>; cutSoFar(): number };
  /** Drops every connection whose first request line contains `request` (e.g. 'GET /team/v1/live'), until given back. */
  refuse(request: string): { giveBack(): void };
  close(): Promise<void>;
}

interface Arming {
  request: string;
  bytes: number;
  left: number;
  cut: number;
  resolve(): void;
}

export async function startTcpProxy(target: URL): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  let arming: Arming | null = null;
  const refused = new Set<string>();
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer((client) => {
        const upstream = connect(Number(target.port), target.hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => socket.destroy());
        }
        // Bytes of the current response still allowed through before the cut (null: no cut).
        let allowance: number | null = null;
        client.on('data', (chunk: Buffer) => {
          const line = chunk.toString('latin1').split('\r\n', 1)[0]!;
          if ([...refused].some((r) => line.includes(r))) {
            client.destroy();
            upstream.destroy();
            return;
          }
          if (arming && arming.left > 0 && chunk.toString('latin1').split('\r\n', 1)[0]!.includes(arming.request)) {
            arming.left--;
            allowance = arming.bytes;
          }
          upstream.write(chunk);
        });
        upstream.on('data', (chunk: Buffer) => {
          if (allowance === null) {
            client.write(chunk);
            return;
          }
          if (chunk.length < allowance) {
            allowance -= chunk.length;
            client.write(chunk);
            return;
          }
          const armed = arming!;
          client.end(chunk.subarray(0, allowance), () => client.destroy());
          upstream.destroy();
          allowance = null;
          armed.cut++;
          if (armed.left === 0) armed.resolve();
        });
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        port = (s.address() as { port: number }).port;
        server = s;
        resolve();
      });
    });
  const cut = async () => {
    const s = server;
    server = null;
    for (const socket of sockets) socket.destroy();
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  };
  await listen();
  return {
    url: `http://127.0.0.1:${port}`,
    cut,
    restore: listen,
    cutResponses(request, bytes, times = 1) {
      let resolve!: () => void;
      const done = new Promise<void>((r) => (resolve = r));
      const armed: Arming = { request, bytes, left: times, cut: 0, resolve };
      arming = armed;
      return { done, cutSoFar: () => armed.cut };
    },
    refuse(request) {
      refused.add(request);
      return { giveBack: () => refused.delete(request) };
    },
    close: cut,
  };
}
