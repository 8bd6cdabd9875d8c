import { describe, expect, it } from "vitest";
import { WaitForTimeoutError, waitFor } from "./wait-for.js";

describe("waitFor", () => {
  it("resolves with the first truthy value", async () => {
    let calls = 0;
    const value = await waitFor(() => {
      calls += 1;
      return calls >= 3 ? `done after ${calls}` : undefined;
    });
    expect(value).toBe("done after 3");
  });

  it("awaits async predicates and treats throws as not yet", async () => {
    let calls = 0;
    const value = await waitFor(async () => {
      calls += 1;
      if (calls < 2) throw new Error("not ready");
      return 42;
    });
    expect(value).toBe(42);
  });

  it("rejects with a typed error naming the condition and the last error", async () => {
    const failure = waitFor(
      () => {
        throw new Error("still empty");
      },
      { deadlineMs: 30, description: "the queue to drain" },
    );
    await expect(failure).rejects.toBeInstanceOf(WaitForTimeoutError);
    await expect(failure).rejects.toThrow("Timed out after 30 ms waiting for the queue to drain (last error: still empty).");
  });
});
