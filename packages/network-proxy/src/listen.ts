import { lstat, unlink } from "node:fs/promises";
import { connect, type Server } from "node:net";
import { NetworkProxyError } from "./errors.js";
import { formatListenAddress, type ListenAddress } from "./listen-address.js";

function listenFailed(where: string, error: NodeJS.ErrnoException, hint: string): NetworkProxyError {
  const why = error.code === "EADDRINUSE" ? "address already in use" : error.code === "EACCES" ? "permission denied" : error.message;
  return new NetworkProxyError("LISTEN_FAILED", `could not listen on ${where} (${why}); ${hint}`, { cause: error });
}

function listenWith(server: Server, args: { host?: string; port?: number; path?: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once("error", onError);
    server.listen({ ...args, exclusive: true }, () => {
      server.off("error", onError);
      resolve();
    });
  });
}

/** Listens on a TCP address and returns the bound address (the real port when 0 was asked). */
export async function listenTcp(server: Server, address: ListenAddress, hint: string): Promise<ListenAddress> {
  try {
    await listenWith(server, { host: address.host, port: address.port });
  } catch (error) {
    throw listenFailed(formatListenAddress(address), error as NodeJS.ErrnoException, hint);
  }
  const bound = server.address();
  if (bound === null || typeof bound === "string") return address;
  return { host: bound.address, port: bound.port };
}

function socketIsLive(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = connect({ path });
    probe.once("connect", () => {
      probe.destroy();
      resolve(true);
    });
    probe.once("error", () => resolve(false));
  });
}

/** Listens on a unix socket path, replacing a stale socket file left by a dead process. */
export async function listenUnixSocket(server: Server, path: string): Promise<void> {
  try {
    const stat = await lstat(path).catch(() => undefined);
    if (stat?.isSocket() === true && !(await socketIsLive(path))) await unlink(path);
    await listenWith(server, { path });
  } catch (error) {
    throw listenFailed(path, error as NodeJS.ErrnoException, "remove the file or pick another path with --unix");
  }
}

/** Stops accepting; resolves once the server has closed. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
  });
}
