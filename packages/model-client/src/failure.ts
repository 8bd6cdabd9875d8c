import { parseTryAgainIn } from "./backoff.js";
import {
  ContextWindowExceededError,
  InternalServerError,
  InvalidRequestError,
  type ModelClientError,
  QuotaExceededError,
  StreamDisconnectedError,
  UsageNotIncludedError,
} from "./errors.js";

export interface WireError {
  type?: string | null;
  code?: string | null;
  message?: string | null;
}

/** Maps the `error` of a `response.failed` event to the error the caller sees. */
export function errorFromFailedResponse(error: WireError | null | undefined): ModelClientError {
  const code = error?.code ?? undefined;
  const message = error?.message ?? "response.failed event received";
  switch (code) {
    case "context_length_exceeded":
      return new ContextWindowExceededError();
    case "insufficient_quota":
      return new QuotaExceededError();
    case "usage_not_included":
      return new UsageNotIncludedError();
    case "server_is_overloaded":
    case "slow_down":
      return new InternalServerError();
    case "invalid_prompt":
      return new InvalidRequestError(400, message);
    default:
      return new StreamDisconnectedError(message, parseTryAgainIn(message));
  }
}
