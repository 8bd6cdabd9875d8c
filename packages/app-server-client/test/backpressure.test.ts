// Backpressure: a WebSocket client that stops reading is disconnected once its outbound queue passes the
// bound, without holding up others; a full inbound queue answers -32001.
import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import { AppServerRpcError } from "../src/index.js";
import { CLIENT_INFO, defer, eventually, startListener, within, wsClient } from "./helpers.js";

describe("slow consumers", () => {
  it.each([
    ["queued bytes", { outboundLimitBytes: 256 * 1024 }],
    ["queued messages", { outboundQueueLimit: 16 }],
  ])("disconnects a client that stops reading (bound on %s) and keeps serving the others", async (_bound, limits) => {
    const { running, url } = await startListener(limits);
    const server = running.server;
    const fast = await wsClient(url);
    await fast.initialize({ clientInfo: CLIENT_INFO });

    const slow = new WebSocket(url);
    defer(() => slow.terminate());
    await within(new Promise((resolve) => slow.once("open", resolve)), 5000, "the slow client to connect");
    slow.send(JSON.stringify({ id: 1, method: "initialize", params: { clientInfo: { name: "slow", version: "1" } } }));
    await within(new Promise((resolve) => slow.once("message", resolve)), 5000, "the slow client's initialize response");
    const rawSocket = (slow as unknown as { _socket: { pause(): void } })._socket;
    rawSocket.pause();
    expect(server.connectionCount).toBe(2);

    let fastReceived = 0;
    fast.onNotification("configWarning", () => (fastReceived += 1));
    const payload = "x".repeat(32 * 1024);
    let sent = 0;
    const maxBroadcasts = 8192; // 256 MiB: far beyond any loopback socket buffer
    while (server.connectionCount === 2 && sent < maxBroadcasts) {
      server.broadcast("configWarning", { summary: payload });
      sent += 1;
      // The fast client keeps up: it has every broadcast before the next one goes out.
      await eventually(() => fastReceived === sent, 10_000, `the fast client to receive broadcast ${sent}`);
    }
    expect(server.connectionCount).toBe(1);
    await expect(fast.request("fs/getMetadata", { path: "/x" })).resolves.toMatchObject({ isFile: true });
  });

  it("does not take one large message for a slow consumer", async () => {
    const { running, url } = await startListener({ outboundLimitBytes: 64 * 1024 });
    const client = await wsClient(url);
    await client.initialize({ clientInfo: CLIENT_INFO });
    const received = client.waitForNotification("configWarning", { timeoutMs: 10_000 });
    running.server.broadcast("configWarning", { summary: "y".repeat(4 * 1024 * 1024) });
    expect((await received).summary).toHaveLength(4 * 1024 * 1024);
    await expect(client.request("fs/getMetadata", { path: "/x" })).resolves.toMatchObject({ isFile: true });
  });
});

describe("inbound queue", () => {
  it("answers -32001 while the queue is full and recovers once it drains", async () => {
    const { url, controls } = await startListener({ maxPendingRequests: 2 });
    const client = await wsClient(url);
    await client.initialize({ clientInfo: CLIENT_INFO });
    const first = client.request("fs/getMetadata", { path: "/block/1" });
    const second = client.request("fs/getMetadata", { path: "/block/2" });
    await eventually(() => controls.started.length === 2, 5000, "both blocking requests to start");
    const refused = await client.request("fs/getMetadata", { path: "/x" }).catch((caught: unknown) => caught);
    expect(refused).toBeInstanceOf(AppServerRpcError);
    expect(refused).toMatchObject({ code: -32001, message: "Server overloaded; retry later." });
    controls.blocker.open();
    await expect(Promise.all([first, second])).resolves.toHaveLength(2);
    await expect(client.request("fs/getMetadata", { path: "/x" })).resolves.toMatchObject({ isFile: true });
  });
});
