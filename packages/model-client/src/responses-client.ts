import { type HttpResponse, readBodyText, sendHttpRequest } from "./http-request.js";
import { arch, platform, release } from "node:os";
import { backoffMs, parseRetryAfter } from "./backoff.js";
import { buildChatRequestBody } from "./chat-request.js";
import { readChatCompletionEvents } from "./chat-sse.js";
import { ConnectionFailedError, RetryLimitError, StreamDisconnectedError, UnauthorizedError } from "./errors.js";
import type { ResponseEvent } from "./events.js";
import { errorForStatus, statusText } from "./http-status.js";
import { type Env, type ResolvedProvider, providerApiKey, providerHeaders, providerUrl } from "./provider.js";
import { parseRateLimitHeaders } from "./rate-limits.js";
import { type ResponsesPrompt, buildRequestBody } from "./request-body.js";
import { readResponseEvents, type SseBody } from "./sse.js";

export const DEFAULT_ORIGINATOR = "codex_cli_rs";
export const ORIGINATOR_OVERRIDE_ENV = "CODEX_INTERNAL_ORIGINATOR_OVERRIDE";

/** Pino-compatible: `logger.debug({ ...fields }, "message")`. */
export interface RequestLogger {
  debug(fields: Record<string, unknown>, message: string): void;
}

/**
 * Where the bearer token comes from when it can change (e.g. a ChatGPT login whose access token
 * expires). With an auth provider, `apiKey` and the provider's `env_key` are not consulted.
 */
export interface ModelAuthProvider {
  /** The current token; `undefined` sends no `Authorization` header. Read before every request. */
  token(): string | undefined | Promise<string | undefined>;
  /**
   * Called at most once per `stream()` call, after an HTTP 401. Resolve `true` when a new token is
   * available (the request is then sent once more), `false` when not (the 401 surfaces as
   * `UnauthorizedError`). An error it throws surfaces as it is.
   */
  refresh?(): Promise<boolean>;
  /** Extra headers that belong to the credentials, e.g. `chatgpt-account-id`. Read before every request. */
  headers?(): Record<string, string> | undefined;
}

export interface ModelClientOptions {
  provider: ResolvedProvider;
  /** Bearer token; defaults to the provider's `env_key` variable (see `providerApiKey`). */
  apiKey?: string;
  /** A token source that can refresh after a 401; takes precedence over `apiKey`. */
  auth?: ModelAuthProvider;
  env?: Env;
  /** The thread id, sent as the `session-id` and `thread-id` headers (the names upstream 0.169 sends). */
  sessionId?: string;
  clientVersion?: string;
  /** The client's name (`codex_exec`, an app-server client's `clientInfo.name`); default `codex_cli_rs`. */
  originator?: string;
  logger?: RequestLogger;
  /** Waits between retries; replaceable so callers can observe delays. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

export interface StreamOptions {
  signal?: AbortSignal;
  /** The turn the request belongs to, sent with the session and thread ids as `x-codex-turn-metadata`. */
  turnId?: string;
}

interface OpenedStream {
  body: HttpResponse["body"];
  headers: Record<string, string | string[] | undefined>;
}

/** Per-`stream()` state of the auth provider: the 401 refresh is attempted once. */
interface AuthAttempt {
  refreshed: boolean;
}

/** How one wire protocol is spoken: endpoint path, body and event reader. */
interface WireProtocol {
  path: string;
  body(prompt: ResponsesPrompt): unknown;
  read(body: SseBody, idleTimeoutMs: number): AsyncGenerator<ResponseEvent>;
}

const WIRE_PROTOCOLS: Record<"responses" | "chat", WireProtocol> = {
  responses: { path: "responses", body: buildRequestBody, read: readResponseEvents },
  chat: { path: "chat/completions", body: buildChatRequestBody, read: readChatCompletionEvents },
};

/**
 * Client of a model provider: the Responses API (`POST {base_url}/responses`) or, for providers with
 * `wire_api = "chat"`, Chat Completions (`POST {base_url}/chat/completions`), both streamed as SSE and
 * surfaced as the same `ResponseEvent`s.
 */
export class ModelClient {
  readonly provider: ResolvedProvider;
  readonly originator: string;
  private readonly options: ModelClientOptions;
  private readonly env: Env;

  constructor(options: ModelClientOptions) {
    this.options = options;
    this.provider = options.provider;
    this.env = options.env ?? process.env;
    const override = this.env[ORIGINATOR_OVERRIDE_ENV];
    this.originator = override !== undefined && override !== "" ? override : (options.originator ?? DEFAULT_ORIGINATOR);
  }

  /** `<originator>/<version> (<os> <release>; <arch>) <terminal>`. */
  get userAgent(): string {
    const version = this.options.clientVersion ?? "0.0.0";
    const terminal = this.env["TERM_PROGRAM"] ?? this.env["TERM"] ?? "unknown";
    return `${this.originator}/${version} (${platform()} ${release()}; ${arch()}) ${terminal}`;
  }

  /**
   * Request headers without the body-specific ones; throws `MissingEnvVarError` for a missing key.
   * With an `auth` provider the credential headers are left out (they are read per request).
   */
  headers(): Record<string, string> {
    const apiKey = this.options.auth ? undefined : (this.options.apiKey ?? providerApiKey(this.provider, this.env));
    const headers: Record<string, string> = {
      ...providerHeaders(this.provider, this.env),
      "content-type": "application/json",
      accept: "text/event-stream",
      originator: this.originator,
      "user-agent": this.userAgent,
      version: this.options.clientVersion ?? "0.0.0",
    };
    if (apiKey !== undefined) headers["authorization"] = `Bearer ${apiKey}`;
    if (this.options.sessionId !== undefined) {
      headers["session-id"] = this.options.sessionId;
      headers["thread-id"] = this.options.sessionId;
    }
    if (this.provider.id === "openai") {
      const org = this.env["OPENAI_ORGANIZATION"];
      const project = this.env["OPENAI_PROJECT"];
      if (org) headers["openai-organization"] = org;
      if (project) headers["openai-project"] = project;
    }
    return headers;
  }

  /**
   * Streams one response. A stream that drops before any output is reopened up to
   * `stream_max_retries` times (announced by a `stream_retry` event); later drops throw
   * `StreamDisconnectedError`.
   */
  async *stream(prompt: ResponsesPrompt, options: StreamOptions = {}): AsyncGenerator<ResponseEvent> {
    const wire = WIRE_PROTOCOLS[this.provider.wireApi ?? "responses"];
    const body = JSON.stringify(wire.body(prompt));
    const headers = this.headers();
    if (options.turnId !== undefined) {
      const session = this.options.sessionId;
      headers["x-codex-turn-metadata"] = JSON.stringify({
        ...(session !== undefined ? { session_id: session, thread_id: session } : {}),
        turn_id: options.turnId,
      });
    }
    const auth: AuthAttempt = { refreshed: false };
    let streamRetries = 0;
    for (;;) {
      const opened = await this.open(wire.path, body, headers, auth, options.signal);
      const snapshot = parseRateLimitHeaders(opened.headers);
      if (snapshot) yield { type: "rate_limits", snapshot };
      let delivered = false;
      try {
        for await (const event of wire.read(opened.body, this.provider.streamIdleTimeoutMs)) {
          if (event.type !== "created") delivered = true;
          yield event;
          if (event.type === "completed") return;
        }
        return;
      } catch (error) {
        const canRetry =
          error instanceof StreamDisconnectedError &&
          !delivered &&
          streamRetries < this.provider.streamMaxRetries &&
          !options.signal?.aborted;
        if (!canRetry) throw error;
        streamRetries += 1;
        const delayMs = error.retryAfterMs ?? backoffMs(streamRetries, this.options.random);
        yield {
          type: "stream_retry",
          attempt: streamRetries,
          maxRetries: this.provider.streamMaxRetries,
          message: error.message,
          delayMs,
        };
        await this.sleep(delayMs, options.signal);
      }
    }
  }

  /**
   * Sends the request, retrying 429/5xx and connection errors up to `request_max_retries`; a 401 is
   * retried once after a successful `auth.refresh()`.
   */
  private async open(
    path: string,
    body: string,
    baseHeaders: Record<string, string>,
    auth: AuthAttempt,
    signal?: AbortSignal,
  ): Promise<OpenedStream> {
    const url = providerUrl(this.provider, path);
    const maxRetries = this.provider.requestMaxRetries;
    for (let attempt = 0; ; attempt++) {
      const headers = await this.withAuth(baseHeaders);
      const started = performance.now();
      let response: HttpResponse;
      try {
        response = await sendHttpRequest(url, { method: "POST", headers, body, ...(signal ? { signal } : {}) });
      } catch (error) {
        this.log(url, undefined, started, attempt, error);
        if (signal?.aborted) throw error;
        if (attempt >= maxRetries) throw new ConnectionFailedError(error);
        await this.sleep(backoffMs(attempt + 1, this.options.random), signal);
        continue;
      }
      const status = response.statusCode;
      this.log(url, status, started, attempt);
      if (status >= 200 && status < 300) return { body: response.body, headers: response.headers };
      const text = await readBodyText(response.body);
      const requestId = headerValue(response.headers["x-request-id"]);
      if (status === 401) {
        if (await this.refreshAfterUnauthorized(auth)) {
          attempt -= 1;
          continue;
        }
        throw new UnauthorizedError(text, requestId);
      }
      const error = errorForStatus(status, text, requestId);
      if (error) throw error;
      if (attempt >= maxRetries) throw new RetryLimitError(status, statusText(status), requestId);
      const retryAfter = parseRetryAfter(headerValue(response.headers["retry-after"]));
      await this.sleep(retryAfter ?? backoffMs(attempt + 1, this.options.random), signal);
    }
  }

  /** Adds the auth provider's token and headers, when there is one. */
  private async withAuth(headers: Record<string, string>): Promise<Record<string, string>> {
    const auth = this.options.auth;
    if (!auth) return headers;
    const token = await auth.token();
    const merged = { ...headers, ...auth.headers?.() };
    if (token !== undefined && token !== "") merged["authorization"] = `Bearer ${token}`;
    return merged;
  }

  /** Whether the request should be sent again after a 401 (once per `stream()` call). */
  private async refreshAfterUnauthorized(auth: AuthAttempt): Promise<boolean> {
    const refresh = this.options.auth?.refresh;
    if (!refresh || auth.refreshed) return false;
    auth.refreshed = true;
    const refreshed = await refresh.call(this.options.auth);
    this.options.logger?.debug({ refreshed }, "auth refresh after 401");
    return refreshed;
  }

  private log(url: URL, status: number | undefined, started: number, attempt: number, error?: unknown): void {
    this.options.logger?.debug(
      {
        method: "POST",
        url: url.toString(),
        status,
        durationMs: Math.round(performance.now() - started),
        attempt,
        ...(error === undefined ? {} : { error: error instanceof Error ? error.message : String(error) }),
      },
      "model request",
    );
  }

  private sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (this.options.sleep) return this.options.sleep(ms, signal);
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
