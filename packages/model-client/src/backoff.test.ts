import { describe, expect, it } from "vitest";
import { backoffMs, parseRetryAfter, parseTryAgainIn } from "./backoff.js";

describe("backoff", () => {
  it("doubles from 200 ms with jitter", () => {
    expect(backoffMs(1, () => 0.5)).toBe(200);
    expect(backoffMs(3, () => 0.5)).toBe(800);
    expect(backoffMs(1, () => 0)).toBe(180);
  });

  it("parses Retry-After seconds and dates", () => {
    expect(parseRetryAfter("2")).toBe(2000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });

  it("parses 'try again in' messages", () => {
    expect(parseTryAgainIn("Please try again in 1.5s.")).toBe(1500);
    expect(parseTryAgainIn("Please try again in 250ms.")).toBe(250);
    expect(parseTryAgainIn("no hint")).toBeUndefined();
  });
});
