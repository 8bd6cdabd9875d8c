// Maps model-client failures to the `TurnError` clients see.
import {
  ConnectionFailedError,
  ContextWindowExceededError,
  InternalServerError,
  InvalidRequestError,
  QuotaExceededError,
  RetryLimitError,
  StreamDisconnectedError,
  UnauthorizedError,
  UnexpectedStatusError,
  UsageLimitReachedError,
  UsageNotIncludedError,
} from "@codex-ts/model-client";
import type { CodexErrorInfo, TurnError } from "@codex-ts/protocol";

function infoFor(error: unknown): CodexErrorInfo {
  if (error instanceof ContextWindowExceededError) return "contextWindowExceeded";
  if (error instanceof UsageLimitReachedError || error instanceof QuotaExceededError || error instanceof UsageNotIncludedError) {
    return "usageLimitExceeded";
  }
  if (error instanceof UnauthorizedError) return "unauthorized";
  if (error instanceof InvalidRequestError) return "badRequest";
  if (error instanceof InternalServerError) return "internalServerError";
  if (error instanceof RetryLimitError) return { responseTooManyFailedAttempts: { httpStatusCode: error.status } };
  if (error instanceof StreamDisconnectedError) return { responseStreamDisconnected: { httpStatusCode: null } };
  if (error instanceof ConnectionFailedError) return { httpConnectionFailed: { httpStatusCode: null } };
  if (error instanceof UnexpectedStatusError) return { responseStreamConnectionFailed: { httpStatusCode: error.status } };
  return "other";
}

export function turnErrorFrom(error: unknown): TurnError {
  const message = error instanceof Error ? error.message : String(error);
  return { message, codexErrorInfo: infoFor(error), additionalDetails: null };
}
