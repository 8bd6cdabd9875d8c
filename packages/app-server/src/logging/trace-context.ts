// W3C trace context for request spans: each request gets a span id; its trace id comes from the request's
// `trace.traceparent`, else from the TRACEPARENT environment variable, else a new one.
import { randomBytes } from "node:crypto";

export interface SpanContext {
  traceId: string;
  spanId: string;
  /** The span id of the caller, when a valid traceparent was given. */
  parentSpanId?: string;
  traceState?: string;
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** Parses a `traceparent` header value; undefined when it is malformed or all zero. */
export function parseTraceparent(value: string | null | undefined): { traceId: string; parentSpanId: string } | undefined {
  if (typeof value !== "string") return undefined;
  const match = TRACEPARENT.exec(value.trim().toLowerCase());
  if (!match || match[1] === "ff") return undefined;
  const traceId = match[2] as string;
  const parentSpanId = match[3] as string;
  if (/^0+$/.test(traceId) || /^0+$/.test(parentSpanId)) return undefined;
  return { traceId, parentSpanId };
}

/** A span for one request. */
export function newSpan(
  trace: { traceparent?: string | null; tracestate?: string | null } | null | undefined,
  env: NodeJS.ProcessEnv,
): SpanContext {
  const spanId = randomBytes(8).toString("hex");
  const parent = parseTraceparent(trace?.traceparent) ?? parseTraceparent(env.TRACEPARENT);
  const traceState = trace?.tracestate ?? (trace?.traceparent ? undefined : env.TRACESTATE);
  const span: SpanContext = parent
    ? { traceId: parent.traceId, spanId, parentSpanId: parent.parentSpanId }
    : { traceId: randomBytes(16).toString("hex"), spanId };
  if (traceState) span.traceState = traceState;
  return span;
}
