import { describe, expect, it } from "vitest";
import {
  InvalidThreadIdError,
  isThreadId,
  newThreadId,
  parseThreadId,
  threadIdSchema,
  threadIdTimestamp,
} from "./thread-id.js";

describe("ThreadId", () => {
  it("makes UUID v7 ids that encode the time and sort by creation", () => {
    const now = Date.UTC(2026, 0, 2, 3, 4, 5, 678);
    const ids = Array.from({ length: 50 }, () => newThreadId(now));
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(threadIdTimestamp(id)).toBe(now);
    }
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    const later = newThreadId(now + 1000);
    expect(later > ids[ids.length - 1]!).toBe(true);
  });

  it("accepts any UUID, normalising case, and rejects the rest with a typed error", () => {
    expect(isThreadId("0B9D3C7E-9F1A-4A2B-8C3D-1E2F3A4B5C6D")).toBe(true);
    expect(parseThreadId("0B9D3C7E-9F1A-4A2B-8C3D-1E2F3A4B5C6D")).toBe("0b9d3c7e-9f1a-4a2b-8c3d-1e2f3a4b5c6d");
    expect(isThreadId("not-a-uuid")).toBe(false);
    expect(() => parseThreadId("nope")).toThrow(InvalidThreadIdError);
    try {
      parseThreadId("nope");
    } catch (error) {
      expect((error as InvalidThreadIdError).code).toBe("invalid_thread_id");
    }
    expect(threadIdSchema.safeParse("nope").success).toBe(false);
    expect(threadIdTimestamp(parseThreadId("0b9d3c7e-9f1a-4a2b-8c3d-1e2f3a4b5c6d"))).toBeUndefined();
  });
});
