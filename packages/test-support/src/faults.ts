import type { Turn } from "./scripted-turn.js";

/** Answer with an HTTP error status and a JSON body instead of a stream. */
export type HttpErrorFault = {
  kind: "http-error";
  status: number;
  body: unknown;
  headers: Record<string, string>;
};

/** Stream the first `afterEvents` events of `turn`, then destroy the socket. */
export type StreamCutFault = { kind: "stream-cut"; turn: Turn; afterEvents: number };

/**
 * Stream the first `afterEvents` events of `turn`, then send nothing until `release()` is called (the rest
 * of the turn follows) or the client disconnects. No timer is involved, so a stalled stream never keeps
 * the process alive on its own.
 */
export type StallFault = {
  kind: "stall";
  turn: Turn;
  afterEvents: number;
  /** Resolves once the stream has stopped sending. */
  readonly stalled: Promise<void>;
  /** Resolves once the client has gone away while stalled (or the server closed). */
  readonly disconnected: Promise<void>;
  release(): void;
};

export type Fault = HttpErrorFault | StreamCutFault | StallFault;

export type OpenAiErrorBody = {
  error: { message: string; type: string; param: string | null; code: string | null };
};

export function openAiErrorBody(message: string, type: string, code: string | null): OpenAiErrorBody {
  return { error: { message, type, param: null, code } };
}

export type HttpErrorOptions = {
  /** Seconds, sent as `Retry-After`. */
  retryAfter?: number;
  body?: unknown;
  headers?: Record<string, string>;
};

export function httpError(status: number, options: HttpErrorOptions = {}): HttpErrorFault {
  const headers: Record<string, string> = { ...options.headers };
  if (options.retryAfter !== undefined) headers["retry-after"] = String(options.retryAfter);
  const body =
    options.body ?? openAiErrorBody(`Mock HTTP error ${status}.`, status >= 500 ? "server_error" : "invalid_request_error", null);
  return { kind: "http-error", status, body, headers };
}

/** 429 `rate_limit_exceeded`, as OpenAI sends it. */
export function rateLimited(options: Omit<HttpErrorOptions, "body"> & { message?: string } = {}): HttpErrorFault {
  const message =
    options.message ??
    "Rate limit reached for requests. Please try again in 1s. Visit https://platform.openai.com/account/rate-limits to learn more.";
  return httpError(429, { ...options, body: openAiErrorBody(message, "requests", "rate_limit_exceeded") });
}

/** 500 `server_error`, as OpenAI sends it. */
export function serverError(options: Omit<HttpErrorOptions, "body"> = {}): HttpErrorFault {
  const message = "The server had an error while processing your request. Sorry about that!";
  return httpError(500, { ...options, body: openAiErrorBody(message, "server_error", null) });
}

/** 401 `invalid_api_key`, as OpenAI sends it. */
export function unauthorized(options: Omit<HttpErrorOptions, "body"> = {}): HttpErrorFault {
  const message = "Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.";
  return httpError(401, { ...options, body: openAiErrorBody(message, "invalid_request_error", "invalid_api_key") });
}

export function streamCut(turn: Turn, afterEvents: number): StreamCutFault {
  return { kind: "stream-cut", turn, afterEvents };
}

export function stall(turn: Turn, afterEvents: number): StallFault {
  let markStalled!: () => void;
  let markDisconnected!: () => void;
  let markReleased!: () => void;
  const stalled = new Promise<void>((resolve) => {
    markStalled = resolve;
  });
  const disconnected = new Promise<void>((resolve) => {
    markDisconnected = resolve;
  });
  const released = new Promise<void>((resolve) => {
    markReleased = resolve;
  });
  const fault: StallFault & StallControl = {
    kind: "stall",
    turn,
    afterEvents,
    stalled,
    disconnected,
    release: () => markReleased(),
    [stallControl]: { markStalled, markDisconnected, released },
  };
  return fault;
}

/** Internal hooks the server uses to drive a stall. */
export const stallControl: unique symbol = Symbol("stallControl");

export type StallControl = {
  [stallControl]: { markStalled(): void; markDisconnected(): void; released: Promise<void> };
};
