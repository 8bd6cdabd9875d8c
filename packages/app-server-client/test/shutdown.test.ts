// Graceful shutdown: the listener stops accepting, new requests get the draining error, in-flight requests
// are answered (or failed after the grace period), connections close, and every connection's cleanups run.
import { describe, expect, it } from "vitest";
import { AppServerConnectError, AppServerRpcError } from "../src/index.js";
import { CLIENT_INFO, eventually, startListener, within, wsClient } from "./helpers.js";

describe("graceful shutdown", () => {
  it("answers in-flight requests that finish within the grace period", async () => {
    const { running, url, controls } = await startListener({ shutdownGraceMs: 10_000 });
    const client = await wsClient(url);
    await client.initialize({ clientInfo: CLIENT_INFO });
    const inFlight = client.request("fs/getMetadata", { path: "/block/a" });
    await eventually(() => controls.started.length === 1, 5000, "the request to start");
    const closed = new Promise<number | null | undefined>((resolve) => client.onClose((info) => resolve(info.code)));
    const shutdown = running.shutdown("test");
    const refused = await client.request("fs/getMetadata", { path: "/x" }).catch((caught: unknown) => caught);
    expect(refused).toBeInstanceOf(AppServerRpcError);
    expect(refused).toMatchObject({ code: -32600, message: "Server is draining; retry after reconnecting", data: { reason: "serverShuttingDown" } });
    controls.blocker.open();
    await expect(inFlight).resolves.toMatchObject({ isFile: true });
    await within(shutdown, 5000, "shutdown to finish");
    expect(await within(closed, 5000, "the connection to close")).toBe(1001);
    expect(controls.cleanupsRun).toHaveLength(1);
    await expect(wsClient(url)).rejects.toBeInstanceOf(AppServerConnectError);
  });

  it("fails in-flight requests still running when the grace period ends", async () => {
    const { running, url, controls } = await startListener({ shutdownGraceMs: 50 });
    const client = await wsClient(url);
    await client.initialize({ clientInfo: CLIENT_INFO });
    const inFlight = client.request("fs/getMetadata", { path: "/block/b" }).catch((caught: unknown) => caught);
    await eventually(() => controls.started.length === 1, 5000, "the request to start");
    await within(running.shutdown("test"), 5000, "shutdown to finish");
    expect(await inFlight).toMatchObject({ code: -32600, message: "Server is draining; retry after reconnecting" });
    expect(controls.cleanupsRun).toHaveLength(1);
    await within(running.done, 1000, "done to resolve");
  });
});
