// Request logging: JSON lines with LOG_FORMAT=json, a span per request that continues the caller's W3C
// trace (or TRACEPARENT), and the client's name and version.
import { createAppServer, createLogger } from "@codex-ts/app-server";
import { describe, expect, it } from "vitest";
import { connectInProcess } from "../src/index.js";
import { CLIENT_INFO, defer, newControls, tempDir, testHandlers } from "./helpers.js";

const TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

async function loggingServer(env: NodeJS.ProcessEnv) {
  const lines: string[] = [];
  const logger = await createLogger({ env, destination: { write: (line: string) => lines.push(line) } });
  const server = createAppServer({ codexHome: await tempDir(), env, logger, handlers: testHandlers(newControls()) });
  defer(() => server.shutdown({ graceMs: 0 }));
  const client = connectInProcess(server, { requestTimeoutMs: 10_000 });
  defer(() => client.close());
  return { client, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>), lines };
}

describe("request logging", () => {
  it("records a span per request continuing the request's trace", async () => {
    const { client, records } = await loggingServer({ CODEX_LOG: "debug", LOG_FORMAT: "json" });
    await client.initialize({ clientInfo: CLIENT_INFO });
    await client.request("fs/getMetadata", { path: "/x" }, { trace: { traceparent: TRACEPARENT, tracestate: "vendor=1" } });
    const initialized = records().find((record) => record.msg === "client initialized");
    expect(initialized).toMatchObject({ level: "info", clientName: "test_client", clientVersion: "1.2.3", transport: "in-process" });
    const finished = records().find((record) => record.msg === "request finished");
    expect(finished).toMatchObject({
      level: "debug",
      method: "fs/getMetadata",
      clientName: "test_client",
      clientVersion: "1.2.3",
      traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
      parentSpanId: "00f067aa0ba902b7",
      traceState: "vendor=1",
      ok: true,
    });
    expect(finished?.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(typeof finished?.durationMs).toBe("number");
    const started = records().find((record) => record.msg === "request started");
    expect(started?.spanId).toBe(finished?.spanId);
  });

  it("falls back to TRACEPARENT and gives each request its own span", async () => {
    const { client, records } = await loggingServer({ RUST_LOG: "codex_app_server=debug", LOG_FORMAT: "json", TRACEPARENT });
    await client.initialize({ clientInfo: CLIENT_INFO });
    await client.request("fs/getMetadata", { path: "/a" });
    await client.request("fs/getMetadata", { path: "/b" });
    const spans = records().filter((record) => record.msg === "request finished");
    expect(spans).toHaveLength(2);
    expect(spans.every((span) => span.traceId === "4bf92f3577b34da6a3ce929d0e0e4736")).toBe(true);
    expect(spans[0]?.spanId).not.toBe(spans[1]?.spanId);
  });

  it("writes readable lines without LOG_FORMAT=json and nothing when off", async () => {
    const text = await loggingServer({ CODEX_LOG: "info" });
    await text.client.initialize({ clientInfo: CLIENT_INFO });
    expect(text.lines.join("")).toMatch(/^\S+Z {2}INFO client initialized connectionId=\d+ transport=in-process clientName=test_client clientVersion=1\.2\.3 experimentalApi=false\n$/);
    const off = await loggingServer({ CODEX_LOG: "off" });
    await off.client.initialize({ clientInfo: CLIENT_INFO });
    await off.client.request("fs/getMetadata", { path: "/boom" }).catch(() => undefined);
    expect(off.lines).toEqual([]);
  });
});
