/** Base class of every error this package throws; `code` is stable and machine-readable. */
export class ModelClientError extends Error {
  readonly code: string;
  /** Whether retrying the same request later may succeed. */
  readonly retryable: boolean;

  constructor(code: string, message: string, options?: { retryable?: boolean; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.retryable = options?.retryable ?? false;
  }
}

/** The provider's `env_key` (or an `env_http_headers` variable) is not set. */
export class MissingEnvVarError extends ModelClientError {
  readonly variable: string;
  constructor(variable: string, instructions?: string) {
    super(
      "MISSING_ENV_VAR",
      `Missing environment variable: \`${variable}\`.${instructions ? ` ${instructions}` : ""}`,
    );
    this.variable = variable;
  }
}

/** `model_provider` names a provider that is neither built in nor under `[model_providers]`. */
export class UnknownProviderError extends ModelClientError {
  readonly providerId: string;
  constructor(providerId: string) {
    super(
      "UNKNOWN_MODEL_PROVIDER",
      `Model provider \`${providerId}\` not found; define it under [model_providers.${providerId}] in config.toml.`,
    );
    this.providerId = providerId;
  }
}

/** The provider is configured with a wire API this client does not speak. */
export class UnsupportedWireApiError extends ModelClientError {
  constructor(providerId: string, wireApi: string) {
    super(
      "UNSUPPORTED_WIRE_API",
      `Model provider \`${providerId}\` uses wire_api = "${wireApi}", which is not supported; use "responses" or "chat".`,
    );
  }
}

/** HTTP 401: the API key or token was rejected. */
export class UnauthorizedError extends ModelClientError {
  readonly body: string;
  constructor(body: string, requestId?: string) {
    super("UNAUTHORIZED", `unexpected status 401 Unauthorized: ${body}${requestIdSuffix(requestId)}`);
    this.body = body;
  }
}

export class ContextWindowExceededError extends ModelClientError {
  constructor() {
    super(
      "CONTEXT_WINDOW_EXCEEDED",
      "Codex ran out of room in the model's context window. Start a new conversation or clear earlier history before retrying.",
    );
  }
}

export class QuotaExceededError extends ModelClientError {
  constructor() {
    super("QUOTA_EXCEEDED", "Quota exceeded. Check your plan and billing details.");
  }
}

export class UsageNotIncludedError extends ModelClientError {
  constructor() {
    super(
      "USAGE_NOT_INCLUDED",
      "To use Codex with your ChatGPT plan, upgrade to Plus: https://openai.com/chatgpt/pricing.",
    );
  }
}

/** HTTP 429 with `usage_limit_reached`: the plan's usage limit is used up. */
export class UsageLimitReachedError extends ModelClientError {
  readonly resetsAt: Date | undefined;
  constructor(resetsAt?: Date) {
    super(
      "USAGE_LIMIT_REACHED",
      `You've hit your usage limit.${resetsAt ? ` Try again at ${resetsAt.toLocaleString()}.` : " Try again later."}`,
    );
    this.resetsAt = resetsAt;
  }
}

/** HTTP 400 or another non-retryable status the server explained in its body. */
export class InvalidRequestError extends ModelClientError {
  readonly status: number;
  constructor(status: number, message: string) {
    super("INVALID_REQUEST", message);
    this.status = status;
  }
}

/** A status this client has no special handling for. */
export class UnexpectedStatusError extends ModelClientError {
  readonly status: number;
  readonly body: string;
  constructor(status: number, statusText: string, body: string, requestId?: string) {
    super(
      "UNEXPECTED_STATUS",
      `unexpected status ${status}${statusText ? ` ${statusText}` : ""}: ${body}${requestIdSuffix(requestId)}`,
    );
    this.status = status;
    this.body = body;
  }
}

/** Every retry of a 429/5xx answer failed. */
export class RetryLimitError extends ModelClientError {
  readonly status: number;
  constructor(status: number, statusText: string, requestId?: string) {
    super(
      "RETRY_LIMIT",
      `exceeded retry limit, last status: ${status}${statusText ? ` ${statusText}` : ""}${requestIdSuffix(requestId)}`,
    );
    this.status = status;
  }
}

/** The connection could not be made (after retries). */
export class ConnectionFailedError extends ModelClientError {
  constructor(cause: unknown) {
    super("CONNECTION_FAILED", `Connection failed: ${describeCause(cause)}`, { cause, retryable: true });
  }
}

/** The stream ended, failed or idled out before `response.completed`. */
export class StreamDisconnectedError extends ModelClientError {
  /** Delay the server asked for before retrying, when it gave one. */
  readonly retryAfterMs: number | undefined;
  constructor(detail: string, retryAfterMs?: number, cause?: unknown) {
    super("STREAM_DISCONNECTED", `stream disconnected before completion: ${detail}`, {
      retryable: true,
      cause,
    });
    this.retryAfterMs = retryAfterMs;
  }
}

/** 5xx answers or `server_is_overloaded`: the service is struggling. */
export class InternalServerError extends ModelClientError {
  constructor() {
    super(
      "INTERNAL_SERVER_ERROR",
      "We're currently experiencing high demand, which may cause temporary errors.",
      { retryable: true },
    );
  }
}

function requestIdSuffix(requestId: string | undefined): string {
  return requestId ? `, request id: ${requestId}` : "";
}

export function describeCause(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = (cause as { cause?: unknown }).cause;
    if (inner instanceof Error && inner.message && inner.message !== cause.message) {
      return `${cause.message}: ${inner.message}`;
    }
    return cause.message;
  }
  return String(cause);
}
