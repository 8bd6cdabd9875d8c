// Model errors during `codex exec`: retried HTTP errors, a cut stream, and failures that end the turn.
import { failedTurn, message, rateLimited, serverError, streamCut, turn, unauthorized } from "@codex-ts/test-support";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupHarnesses, execHarness, jsonEvents, messageTexts, expectCode } from "./exec-harness.js";

afterAll(cleanupHarnesses);

describe.concurrent("codex exec model errors", { timeout: 40_000 }, () => {
  it("retries a 429 with Retry-After 0 and succeeds", async () => {
    const h = await execHarness();
    h.server.enqueue(rateLimited({ retryAfter: 0 }), turn([message("after the rate limit")]));

    const run = await h.run(["exec", "--json", "x"]);

    expectCode(run, 0);
    expect(h.server.responsesRequests).toHaveLength(2);
    expect(h.server.pending).toBe(0);
    const events = jsonEvents(run.stdout);
    expect(events.at(-1)?.type).toBe("turn.completed");
    expect(events.find((event) => event.type === "item.completed" && (event["item"] as { type: string }).type === "agent_message")).toMatchObject({
      item: { text: "after the rate limit" },
    });
    // Both attempts carry the same prompt.
    expect(messageTexts(h.server.responsesRequests[1], "user")).toEqual(messageTexts(h.server.responsesRequests[0], "user"));
  });

  it("retries a 500 and succeeds", async () => {
    const h = await execHarness();
    h.server.enqueue(serverError({ retryAfter: 0 }), turn([message("after the server error")]));
    const run = await h.run(["exec", "x"]);
    expectCode(run, 0);
    expect(run.stdout).toBe("after the server error\n");
    expect(h.server.responsesRequests).toHaveLength(2);
  });

  it("fails the turn (exit 1) when a 500 outlasts the retries", async () => {
    const h = await execHarness({ mock: { requestMaxRetries: 0 } });
    h.server.enqueue(serverError({ retryAfter: 0 }));
    const run = await h.run(["exec", "--json", "x"]);
    expectCode(run, 1);
    expect(jsonEvents(run.stdout).at(-1)?.type).toBe("turn.failed");
    expect(h.server.responsesRequests).toHaveLength(1);
  });

  it("reconnects when the stream is cut before any output and reports the retry as a non-fatal error", async () => {
    const h = await execHarness();
    h.server.enqueue(streamCut(turn([message("never seen")]), 1), turn([message("the full answer")]));

    const run = await h.run(["exec", "--json", "x"]);

    expectCode(run, 0);
    expect(h.server.responsesRequests).toHaveLength(2);
    const events = jsonEvents(run.stdout);
    const completed = events.filter((event) => event.type === "item.completed").map((event) => event["item"] as { type: string });
    expect(completed.filter((item) => item.type === "agent_message")).toEqual([
      expect.objectContaining({ text: "the full answer" }),
    ]);
    expect(completed.find((item) => item.type === "error")).toMatchObject({ message: expect.stringMatching(/Reconnecting/) });
    expect(events.at(-1)?.type).toBe("turn.completed");
  });

  it("a stream cut mid-way, after output arrived, asks the model again from what was kept", async () => {
    const h = await execHarness();
    h.server.enqueue(streamCut(turn([message("a long answer that gets cut")]), 3), turn([message("the full answer")]));

    const run = await h.run(["exec", "--json", "x"]);

    expectCode(run, 0);
    expect(h.server.responsesRequests).toHaveLength(2);
    const events = jsonEvents(run.stdout);
    const completed = events.filter((event) => event.type === "item.completed").map((event) => event["item"] as { type: string; text?: string });
    expect(completed.find((item) => item.type === "error")).toMatchObject({ message: expect.stringMatching(/Reconnecting/) });
    expect(completed.filter((item) => item.type === "agent_message").at(-1)).toMatchObject({ text: "the full answer" });
    expect(events.at(-1)?.type).toBe("turn.completed");
  });

  it("a stream cut mid-way fails the turn once the stream retries are used up", async () => {
    const h = await execHarness({ mock: { streamMaxRetries: 1 } });
    h.server.enqueue(
      streamCut(turn([message("first try")]), 3),
      streamCut(turn([message("second try")]), 3),
    );

    const run = await h.run(["exec", "--json", "x"]);

    expectCode(run, 1);
    expect(h.server.responsesRequests).toHaveLength(2);
    const last = jsonEvents(run.stdout).at(-1);
    expect(last?.type).toBe("turn.failed");
    expect(String((last?.["error"] as { message?: string } | undefined)?.message)).toMatch(/stream disconnected/);
  });

  it("fails the turn when the stream is cut and no stream retries are left", async () => {
    const h = await execHarness({ mock: { streamMaxRetries: 0 } });
    h.server.enqueue(streamCut(turn([message("cut short")]), 1));

    const run = await h.run(["exec", "--json", "x"]);

    expectCode(run, 1);
    const last = jsonEvents(run.stdout).at(-1);
    expect(last?.type).toBe("turn.failed");
    expect(String((last?.["error"] as { message?: string } | undefined)?.message)).toMatch(/stream disconnected/);
    expect(h.server.responsesRequests).toHaveLength(1);
  });

  it("response.failed: context_length_exceeded fails at once with a clear message", async () => {
    const h = await execHarness();
    h.server.enqueue(failedTurn("context_length_exceeded", "Your input exceeds the context window of this model."));
    const run = await h.run(["exec", "--json", "x"]);
    expectCode(run, 1);
    expect(h.server.responsesRequests).toHaveLength(1);
    const last = jsonEvents(run.stdout).at(-1);
    expect(last?.type).toBe("turn.failed");
    expect(String((last?.["error"] as { message?: string } | undefined)?.message)).toMatch(/context window/);
  });

  it("response.failed: rate_limit_exceeded with a retry hint is retried", async () => {
    const h = await execHarness();
    h.server.enqueue(failedTurn("rate_limit_exceeded", "Rate limit reached. Please try again in 0.01s."), turn([message("after the hint")]));
    const run = await h.run(["exec", "x"]);
    expectCode(run, 0);
    expect(run.stdout).toBe("after the hint\n");
    expect(h.server.responsesRequests).toHaveLength(2);
  });

  it("a 401 fails the turn with exit code 1 and turn.failed, without retrying", async () => {
    const h = await execHarness();
    h.server.enqueue(unauthorized());

    const run = await h.run(["exec", "--json", "x"]);

    expectCode(run, 1);
    const events = jsonEvents(run.stdout);
    expect(events.map((event) => event.type)).toContain("turn.started");
    const last = events.at(-1);
    expect(last?.type).toBe("turn.failed");
    expect(String((last?.["error"] as { message?: string } | undefined)?.message)).toMatch(/401|unauthori[sz]ed|API key/i);
    expect(h.server.responsesRequests).toHaveLength(1);
  });

  it("a 401 in human mode prints a clear error on stderr and nothing on stdout", async () => {
    const h = await execHarness();
    h.server.enqueue(unauthorized());
    const run = await h.run(["exec", "x"]);
    expectCode(run, 1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/401|unauthori[sz]ed|API key/i);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    // The error is shown once.
    expect(run.stderr.split("Incorrect API key").length - 1).toBe(1);
  });
});
