import { describe, expect, it } from "vitest";
import { newSpan, parseTraceparent } from "./trace-context.js";

const PARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

describe("parseTraceparent", () => {
  it("reads trace and parent ids", () => {
    expect(parseTraceparent(PARENT)).toEqual({ traceId: "0af7651916cd43dd8448eb211c80319c", parentSpanId: "b7ad6b7169203331" });
  });

  it("rejects malformed or zero ids", () => {
    expect(parseTraceparent("00-abc-def-01")).toBeUndefined();
    expect(parseTraceparent(`00-${"0".repeat(32)}-b7ad6b7169203331-01`)).toBeUndefined();
    expect(parseTraceparent(null)).toBeUndefined();
  });
});

describe("newSpan", () => {
  it("continues the request's trace", () => {
    const span = newSpan({ traceparent: PARENT, tracestate: "k=v" }, {});
    expect(span.traceId).toBe("0af7651916cd43dd8448eb211c80319c");
    expect(span.parentSpanId).toBe("b7ad6b7169203331");
    expect(span.traceState).toBe("k=v");
    expect(span.spanId).toMatch(/^[0-9a-f]{16}$/);
  });

  it("falls back to TRACEPARENT, then to a new trace", () => {
    expect(newSpan(undefined, { TRACEPARENT: PARENT }).traceId).toBe("0af7651916cd43dd8448eb211c80319c");
    const fresh = newSpan(null, {});
    expect(fresh.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(fresh.parentSpanId).toBeUndefined();
  });
});
