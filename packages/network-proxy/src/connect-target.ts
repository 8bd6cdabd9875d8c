import { lookup } from "node:dns/promises";
import { connect, type Socket } from "node:net";
import type { NormalizedHost } from "./host.js";
import type { HostResolver } from "./policy.js";

const LOOKUP_TIMEOUT_MS = 5_000;
const CONNECT_TIMEOUT_MS = 15_000;

/** System resolver (getaddrinfo), all addresses in the order the system returns them. */
export const systemResolver: HostResolver = async (hostname) => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`lookup of ${hostname} timed out`)), LOOKUP_TIMEOUT_MS);
  });
  try {
    const results = await Promise.race([lookup(hostname, { all: true, verbatim: true }), timeout]);
    return results.map((result) => result.address);
  } finally {
    clearTimeout(timer);
  }
};

/** Error raised when no address of the target accepted a connection. */
export class TargetConnectError extends Error {
  readonly code: string;

  constructor(message: string, code: string) {
    super(message);
    this.name = "TargetConnectError";
    this.code = code;
  }
}

function connectOnce(address: string, port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: address, port, noDelay: true, allowHalfOpen: true });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new TargetConnectError(`connect to ${address}:${port} timed out`, "ETIMEDOUT"));
    }, CONNECT_TIMEOUT_MS);
    socket.once("connect", () => {
      clearTimeout(timer);
      socket.removeAllListeners("error");
      resolve(socket);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      socket.destroy();
      reject(new TargetConnectError(error.message, error.code ?? "ECONNREFUSED"));
    });
  });
}

/**
 * Connects to the first address that accepts. `addresses` are the ones the policy checked; when
 * undefined the host is resolved here (IP literals need no lookup).
 */
export async function connectToTarget(
  host: NormalizedHost,
  port: number,
  addresses: readonly string[] | undefined,
  resolve: HostResolver,
): Promise<Socket> {
  let candidates: readonly string[];
  if (addresses !== undefined) candidates = addresses;
  else if (host.kind !== "domain") candidates = [host.name];
  else {
    try {
      candidates = await resolve(host.name);
    } catch (error) {
      throw new TargetConnectError(`could not resolve ${host.name}: ${(error as Error).message}`, "ENOTFOUND");
    }
  }
  if (candidates.length === 0) throw new TargetConnectError(`could not resolve ${host.name}`, "ENOTFOUND");
  let last: unknown;
  for (const address of candidates) {
    try {
      return await connectOnce(address, port);
    } catch (error) {
      last = error;
    }
  }
  throw last instanceof TargetConnectError ? last : new TargetConnectError(String(last), "ECONNREFUSED");
}
