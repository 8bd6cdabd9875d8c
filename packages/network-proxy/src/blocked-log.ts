import type { BlockReason, DecisionSource } from "./policy.js";
import type { NetworkMode } from "./settings.js";

/** The protocol a blocked request used (upstream log values). */
export type BlockedProtocol = "http" | "http-connect" | "socks5" | "socks5-udp";

/**
 * One blocked request, as returned by `blocked()` and the admin API's `/blocked`. `timestamp` is in
 * Unix seconds; `mode` is set when the mode (not the host) caused the block.
 */
export interface BlockedRequest {
  readonly host: string;
  readonly port: number;
  readonly reason: BlockReason | string;
  readonly client: string | null;
  readonly method: string | null;
  readonly mode: NetworkMode | null;
  readonly protocol: BlockedProtocol;
  readonly decision: "deny" | "ask";
  readonly source: DecisionSource;
  readonly timestamp: number;
}

export type BlockedRequestInput = Omit<BlockedRequest, "timestamp">;

/** Keeps the newest entries only, so a noisy client cannot grow memory without bound. */
export const MAX_BLOCKED_ENTRIES = 200;

/** Formats the single stderr line written per blocked request when logging is on. */
export function formatBlockedLine(entry: BlockedRequest): string {
  const method = entry.method === null ? "" : ` ${entry.method}`;
  const host = entry.host.includes(":") ? `[${entry.host}]` : entry.host;
  return `codex-network-proxy: blocked ${entry.protocol}${method} ${host}:${entry.port} (${entry.reason})`;
}

/** FIFO buffer of blocked requests with snapshot and drain, plus an optional observer. */
export class BlockedRequestLog {
  #entries: BlockedRequest[] = [];
  #total = 0;
  readonly #observer: ((entry: BlockedRequest) => void) | undefined;

  constructor(observer?: (entry: BlockedRequest) => void) {
    this.#observer = observer;
  }

  /** Every entry ever recorded, including ones already drained or dropped. */
  get total(): number {
    return this.#total;
  }

  record(input: BlockedRequestInput, now: number = Date.now()): BlockedRequest {
    const entry: BlockedRequest = { ...input, timestamp: Math.floor(now / 1000) };
    this.#entries.push(entry);
    this.#total += 1;
    if (this.#entries.length > MAX_BLOCKED_ENTRIES) this.#entries.splice(0, this.#entries.length - MAX_BLOCKED_ENTRIES);
    try {
      this.#observer?.(entry);
    } catch {
      // An observer's failure must not turn a clean block into a proxy error.
    }
    return entry;
  }

  /** The buffered entries, oldest first, without consuming them. */
  snapshot(): BlockedRequest[] {
    return [...this.#entries];
  }

  /** Returns the buffered entries, oldest first, and empties the buffer. */
  drain(): BlockedRequest[] {
    const entries = this.#entries;
    this.#entries = [];
    return entries;
  }
}
