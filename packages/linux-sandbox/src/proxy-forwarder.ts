import net from "node:net";

/** A loopback TCP listener inside the sandbox that relays every connection to the proxy's unix socket. */
export interface ProxyForwarder {
  /** The loopback port the command's proxy variables point at. */
  port: number;
  close(): Promise<void>;
}

/** Starts the forwarder on 127.0.0.1 (port 0 picks a free one). */
export function startProxyForwarder(socketPath: string, port = 0): Promise<ProxyForwarder> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.createConnection(socketPath);
    sockets.add(client).add(upstream);
    const finish = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("error", finish).on("close", finish);
    upstream.on("error", finish).on("close", finish);
    client.pipe(upstream).pipe(client);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      const address = server.address() as net.AddressInfo;
      resolve({
        port: address.port,
        close: () =>
          new Promise((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

const PROXY_VARIABLES = ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"] as const;

/** The proxy variables (upper and lower case) pointing at a forwarder port. */
export function proxyEnvironment(port: number): Record<string, string> {
  const url = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {};
  for (const name of PROXY_VARIABLES) {
    env[name] = url;
    env[name.toLowerCase()] = url;
  }
  return env;
}
