export { backoffMs, parseRetryAfter, parseTryAgainIn } from "./backoff.js";
export {
  type ChatCompletionsRequest,
  type ChatContentPart,
  type ChatMessage,
  type ChatTool,
  type ChatToolCall,
  buildChatRequestBody,
  chatMessagesFromInput,
  chatToolsFromResponsesTools,
} from "./chat-request.js";
export { readChatCompletionEvents, tokenUsageFromChatUsage } from "./chat-sse.js";
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
  LMSTUDIO_DEFAULT_PORT,
  OLLAMA_DEFAULT_BASE_URL,
  OLLAMA_DEFAULT_PORT,
  OPENAI_DEFAULT_BASE_URL,
  OSS_BASE_URL_ENV,
  OSS_PORT_ENV,
  type ProviderConfig,
  type ResolvedProvider,
  builtInProviders,
  providerApiKey,
  providerFromInfo,
  providerHeaders,
  providerUrl,
  resolveProvider,
  type WireApi,
} from "./provider.js";
export {
  type CheckOssServerOptions,
  checkOssServer,
  DEFAULT_OSS_MODELS,
  DEFAULT_OSS_PROBE_TIMEOUT_MS,
  isOssProviderId,
  OSS_PROVIDER_IDS,
  type OssConfig,
  type OssProviderId,
  OssProviderNotConfiguredError,
  type OssSelection,
  OssServerUnreachableError,
  ossProbeUrl,
  type ResolveOssProviderOptions,
  resolveOssProvider,
  UnknownOssProviderError,
} from "./oss.js";
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
  type ModelAuthProvider,
  ModelClient,
  type ModelClientOptions,
  ORIGINATOR_OVERRIDE_ENV,
  type RequestLogger,
  type StreamOptions,
} from "./responses-client.js";
export { readResponseEvents, readSseMessages, type SseBody } from "./sse.js";
