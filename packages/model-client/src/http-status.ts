import { STATUS_CODES } from "node:http";
import {
  ContextWindowExceededError,
  InvalidRequestError,
  type ModelClientError,
  QuotaExceededError,
  UnauthorizedError,
  UnexpectedStatusError,
  UsageLimitReachedError,
  UsageNotIncludedError,
} from "./errors.js";

export function statusText(status: number): string {
  return STATUS_CODES[status] ?? "";
}

interface ErrorBody {
  error?: { code?: string | null; type?: string | null; message?: string | null; resets_at?: number | null };
}

function parseErrorBody(body: string): ErrorBody["error"] {
  try {
    return (JSON.parse(body) as ErrorBody).error ?? undefined;
  } catch {
    return undefined;
  }
}

/** Whether a status is worth retrying: 429 (unless a hard limit) and every 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/**
 * The error for a non-2xx answer, or `undefined` when it is a plain retryable 429/5xx that the retry
 * loop should handle.
 */
export function errorForStatus(status: number, body: string, requestId?: string): ModelClientError | undefined {
  const error = parseErrorBody(body);
  const code = error?.code ?? error?.type ?? undefined;
  if (status === 401) return new UnauthorizedError(body, requestId);
  if (code === "context_length_exceeded") return new ContextWindowExceededError();
  if (code === "insufficient_quota") return new QuotaExceededError();
  if (code === "usage_not_included") return new UsageNotIncludedError();
  if (code === "usage_limit_reached") {
    const resetsAt = typeof error?.resets_at === "number" ? new Date(error.resets_at * 1000) : undefined;
    return new UsageLimitReachedError(resetsAt);
  }
  if (isRetryableStatus(status)) return undefined;
  if (status === 400) return new InvalidRequestError(400, error?.message ?? body);
  return new UnexpectedStatusError(status, statusText(status), body, requestId);
}
