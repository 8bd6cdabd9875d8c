// Connection-aware routing: answers go to the connection that asked, ids are per connection, notifications
// reach initialized connections that did not opt out, and the server's own requests reach one client.
import { describe, expect, it } from "vitest";
import { AppServerClosedError, AppServerTimeoutError } from "../src/index.js";
import { CLIENT_INFO, eventually, inProcessClient, testServer, within } from "./helpers.js";

describe("routing", () => {
  it("keeps the same request id on two connections apart", async () => {
    const { server, controls } = await testServer();
    const first = inProcessClient(server);
    const second = inProcessClient(server);
    await first.initialize({ clientInfo: CLIENT_INFO }, { id: "init" });
    await second.initialize({ clientInfo: CLIENT_INFO }, { id: "init" });
    const slow = first.request("fs/getMetadata", { path: "/block/a" }, { id: 42 });
    await eventually(() => controls.started.length === 1, 5000, "the blocking call to start");
    const fast = await second.request("fs/getMetadata", { path: "/fast" }, { id: 42 });
    expect(fast.isFile).toBe(true);
    controls.blocker.open();
    await expect(slow).resolves.toMatchObject({ createdAtMs: 1 });
  });

  it("sends answers only to the connection that asked", async () => {
    const { server } = await testServer();
    const asking = inProcessClient(server);
    const watching = inProcessClient(server);
    await asking.initialize({ clientInfo: CLIENT_INFO });
    await watching.initialize({ clientInfo: CLIENT_INFO });
    const stray: unknown[] = [];
    const connection = server.connectInProcess({ onMessage: (message) => stray.push(message) });
    connection.receiveMessage({ id: 1, method: "initialize", params: { clientInfo: CLIENT_INFO } });
    stray.length = 0;
    await asking.request("fs/getMetadata", { path: "/x" });
    expect(stray).toEqual([]);
    await connection.close();
  });

  it("broadcasts only to initialized connections that did not opt out", async () => {
    const { server } = await testServer();
    const initialized = inProcessClient(server);
    const optedOut = inProcessClient(server);
    const fresh = inProcessClient(server);
    await initialized.initialize({ clientInfo: CLIENT_INFO });
    await optedOut.initialize({ clientInfo: CLIENT_INFO, capabilities: { optOutNotificationMethods: ["configWarning"] } });
    const received: string[] = [];
    initialized.onNotification("configWarning", () => received.push("initialized"));
    optedOut.onNotification("configWarning", () => received.push("optedOut"));
    fresh.onAnyNotification(() => received.push("fresh"));
    const arrived = initialized.waitForNotification("configWarning", { timeoutMs: 5000 });
    server.broadcast("configWarning", { summary: "broadcast" });
    await arrived;
    expect(received).toEqual(["initialized"]);
  });

  it("lets handlers broadcast through the services", async () => {
    const { server } = await testServer();
    const asking = inProcessClient(server);
    const other = inProcessClient(server);
    await asking.initialize({ clientInfo: CLIENT_INFO });
    await other.initialize({ clientInfo: CLIENT_INFO });
    const seen = other.waitForNotification("configWarning", { timeoutMs: 5000 });
    await asking.request("configRequirements/read", undefined);
    await expect(seen).resolves.toMatchObject({ summary: expect.stringMatching(/^from \d+$/) });
  });

  it("routes the server's requests to one client and its answers back", async () => {
    const { server, controls } = await testServer();
    const client = inProcessClient(server);
    await client.initialize({ clientInfo: CLIENT_INFO });
    await client.request("fs/getMetadata", { path: "/x" });
    const clientConnectionId = controls.callers[0] as string;
    client.onServerRequest("item/tool/call", async (params) => ({ echoed: params }));
    await expect(server.sendRequest(clientConnectionId, "item/tool/call", { tool: "x" })).resolves.toEqual({ echoed: { tool: "x" } });
    await expect(server.sendRequest(clientConnectionId, "unhandled/method", {})).rejects.toMatchObject({ code: -32601 });
  });

  it("fails a request after its timeout with a typed error, and pending requests on close", async () => {
    const { server } = await testServer();
    const client = inProcessClient(server);
    await client.initialize({ clientInfo: CLIENT_INFO });
    const error = await client.request("fs/getMetadata", { path: "/block/t" }, { timeoutMs: 20 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppServerTimeoutError);
    expect((error as AppServerTimeoutError).method).toBe("fs/getMetadata");
    const pending = client.request("fs/getMetadata", { path: "/block/u" });
    await client.close();
    await expect(within(pending, 5000, "the pending request to fail")).rejects.toBeInstanceOf(AppServerClosedError);
    await expect(client.request("fs/getMetadata", { path: "/x" })).rejects.toBeInstanceOf(AppServerClosedError);
  });

  it("runs a connection's cleanups when it closes and aborts its handlers' signal", async () => {
    const { server, controls } = await testServer();
    const client = inProcessClient(server);
    await client.initialize({ clientInfo: CLIENT_INFO });
    await client.request("fs/getMetadata", { path: "/x" });
    expect(server.connectionCount).toBe(1);
    await client.close();
    expect(controls.cleanupsRun).toHaveLength(1);
    expect(server.connectionCount).toBe(0);
  });
});
