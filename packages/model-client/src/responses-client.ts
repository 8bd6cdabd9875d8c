import { arch, platform, release } from "node:os";
import { type Dispatcher, request } from "undici";
import { backoffMs, parseRetryAfter } from "./backoff.js";
import { ConnectionFailedError, RetryLimitError, StreamDisconnectedError } from "./errors.js";
import type { ResponseEvent } from "./events.js";
import { errorForStatus, statusText } from "./http-status.js";
import { type Env, type ResolvedProvider, providerApiKey, providerHeaders, providerUrl } from "./provider.js";
import { parseRateLimitHeaders } from "./rate-limits.js";
import { type ResponsesPrompt, buildRequestBody } from "./request-body.js";
import { readResponseEvents } from "./sse.js";

export const DEFAULT_ORIGINATOR = "codex_cli_rs";
export const ORIGINATOR_OVERRIDE_ENV = "CODEX_INTERNAL_ORIGINATOR_OVERRIDE";

/** Pino-compatible: `logger.debug({ ...fields }, "message")`. */
export interface RequestLogger {
  debug(fields: Record<string, unknown>, message: string): void;
}

export interface ModelClientOptions {
  provider: ResolvedProvider;
  /** Bearer token; defaults to the provider's `env_key` variable (see `providerApiKey`). */
  apiKey?: string;
  env?: Env;
  /** The thread id, sent as the `session-id` and `thread-id` headers (the names upstream 0.169 sends). */
  sessionId?: string;
  clientVersion?: string;
  logger?: RequestLogger;
  dispatcher?: Dispatcher;
  /** Waits between retries; replaceable so callers can observe delays. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

export interface StreamOptions {
  signal?: AbortSignal;
}

interface OpenedStream {
  body: Dispatcher.ResponseData["body"];
  headers: Record<string, string | string[] | undefined>;
}

/** Client of the Responses API (`POST {base_url}/responses`, streamed as SSE). */
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
    this.originator = override !== undefined && override !== "" ? override : DEFAULT_ORIGINATOR;
  }

  /** `<originator>/<version> (<os> <release>; <arch>) <terminal>`. */
  get userAgent(): string {
    const version = this.options.clientVersion ?? "0.0.0";
    const terminal = this.env["TERM_PROGRAM"] ?? this.env["TERM"] ?? "unknown";
    return `${this.originator}/${version} (${platform()} ${release()}; ${arch()}) ${terminal}`;
  }

  /** Request headers without the body-specific ones; throws `MissingEnvVarError` for a missing key. */
  headers(): Record<string, string> {
    const apiKey = this.options.apiKey ?? providerApiKey(this.provider, this.env);
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
    const body = JSON.stringify(buildRequestBody(prompt));
    const headers = this.headers();
    let streamRetries = 0;
    for (;;) {
      const opened = await this.open(body, headers, options.signal);
      const snapshot = parseRateLimitHeaders(opened.headers);
      if (snapshot) yield { type: "rate_limits", snapshot };
      let delivered = false;
      try {
        for await (const event of readResponseEvents(opened.body, this.provider.streamIdleTimeoutMs)) {
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

  /** Sends the request, retrying 429/5xx and connection errors up to `request_max_retries`. */
  private async open(body: string, headers: Record<string, string>, signal?: AbortSignal): Promise<OpenedStream> {
    const url = providerUrl(this.provider, "responses");
    const maxRetries = this.provider.requestMaxRetries;
    for (let attempt = 0; ; attempt++) {
      const started = performance.now();
      let response: Dispatcher.ResponseData;
      try {
        response = await request(url, {
          method: "POST",
          headers,
          body,
          signal,
          ...(this.options.dispatcher ? { dispatcher: this.options.dispatcher } : {}),
        });
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
      const text = await response.body.text();
      const requestId = headerValue(response.headers["x-request-id"]);
      const error = errorForStatus(status, text, requestId);
      if (error) throw error;
      if (attempt >= maxRetries) throw new RetryLimitError(status, statusText(status), requestId);
      const retryAfter = parseRetryAfter(headerValue(response.headers["retry-after"]));
      await this.sleep(retryAfter ?? backoffMs(attempt + 1, this.options.random), signal);
    }
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
