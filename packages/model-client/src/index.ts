export { backoffMs, parseRetryAfter, parseTryAgainIn } from "./backoff.js";
export {
  ConnectionFailedError,
  ContextWindowExceededError,
  InternalServerError,
  InvalidRequestError,
  MissingEnvVarError,
  ModelClientError,
  QuotaExceededError,
  RetryLimitError,
  StreamDisconnectedError,
  UnauthorizedError,
  UnexpectedStatusError,
  UnknownProviderError,
  UnsupportedWireApiError,
  UsageLimitReachedError,
  UsageNotIncludedError,
} from "./errors.js";
export { type ResponseEvent, tokenUsageFromWire } from "./events.js";
export { errorFromFailedResponse } from "./failure.js";
export {
  DEFAULT_REQUEST_MAX_RETRIES,
  DEFAULT_STREAM_IDLE_TIMEOUT_MS,
  DEFAULT_STREAM_MAX_RETRIES,
  type Env,
  LMSTUDIO_DEFAULT_BASE_URL,
  OLLAMA_DEFAULT_BASE_URL,
  OPENAI_DEFAULT_BASE_URL,
  type ProviderConfig,
  type ResolvedProvider,
  builtInProviders,
  providerApiKey,
  providerFromInfo,
  providerHeaders,
  providerUrl,
  resolveProvider,
} from "./provider.js";
export {
  type CreditsSnapshot,
  type RateLimitSnapshot,
  type RateLimitWindow,
  parseRateLimitHeaders,
} from "./rate-limits.js";
export {
  type ReasoningEffort,
  type ReasoningSummary,
  type ResponsesApiRequest,
  type ResponsesPrompt,
  buildRequestBody,
} from "./request-body.js";
export {
  DEFAULT_ORIGINATOR,
  ModelClient,
  type ModelClientOptions,
  ORIGINATOR_OVERRIDE_ENV,
  type RequestLogger,
  type StreamOptions,
} from "./responses-client.js";
export { readResponseEvents, type SseBody } from "./sse.js";
