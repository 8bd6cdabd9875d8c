// The initialize handshake and request gating, through an in-process client.
import { describe, expect, it } from "vitest";
import { AppServerRpcError } from "../src/index.js";
import { CLIENT_INFO, inProcessClient, testServer } from "./helpers.js";

async function rpcError(promise: Promise<unknown>): Promise<{ code: number; message: string; data: unknown }> {
  const error = await promise.then(
    () => {
      throw new Error("expected an error response");
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppServerRpcError);
  const { code, message, data } = error as AppServerRpcError;
  return { code, message, data };
}

describe("initialize", () => {
  it("answers with the user agent, CODEX_HOME and platform", async () => {
    const { server, codexHome } = await testServer({ serverVersion: "9.8.7" });
    const client = inProcessClient(server);
    const response = await client.initialize({ clientInfo: CLIENT_INFO });
    expect(response.codexHome).toBe(codexHome);
    expect(response.userAgent).toMatch(/^test_client\/9\.8\.7 \(.+; .+\) \S+ \(test_client; 1\.2\.3\)$/);
    expect(response.platformFamily).toBe(process.platform === "win32" ? "windows" : "unix");
    expect(response.platformOs).toBe(process.platform === "darwin" ? "macos" : process.platform === "win32" ? "windows" : process.platform);
  });

  it("refuses requests before initialize and a second initialize", async () => {
    const { server } = await testServer();
    const client = inProcessClient(server);
    expect(await rpcError(client.request("fs/getMetadata", { path: "/x" }))).toEqual({ code: -32600, message: "Not initialized", data: undefined });
    await client.initialize({ clientInfo: CLIENT_INFO });
    expect(await rpcError(client.request("initialize", { clientInfo: CLIENT_INFO }))).toMatchObject({ code: -32600, message: "Already initialized" });
    await expect(client.request("fs/getMetadata", { path: "/x" })).resolves.toMatchObject({ isFile: true });
  });

  it("rejects a client name that is not a header value and stays uninitialized", async () => {
    const { server } = await testServer();
    const client = inProcessClient(server);
    expect(await rpcError(client.initialize({ clientInfo: { name: "bad\nname", version: "1" } }))).toMatchObject({
      code: -32600,
      message: "Invalid clientInfo.name: 'bad\nname'. Must be a valid HTTP header value.",
    });
    await expect(client.initialize({ clientInfo: CLIENT_INFO })).resolves.toMatchObject({ codexHome: expect.any(String) });
  });

  it("sends config warnings right after the initialize response", async () => {
    const { server } = await testServer({ configWarnings: [{ summary: "unknown key `foo`" }] });
    const seen: unknown[] = [];
    const connection = server.connectInProcess({ onMessage: (message) => seen.push(message) });
    connection.receiveMessage({ id: 7, method: "initialize", params: { clientInfo: CLIENT_INFO } });
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatchObject({ id: 7, result: { codexHome: expect.any(String) } });
    expect(seen[1]).toMatchObject({ method: "configWarning", params: { summary: "unknown key `foo`" }, emittedAtMs: expect.any(Number) });
    await connection.close();
  });
});

describe("config warnings loaded later", () => {
  it("calls a loader once, after the first initialize, and sends its warnings to every connection", async () => {
    let loads = 0;
    const { server } = await testServer({
      configWarnings: async () => {
        loads += 1;
        return [{ summary: "loaded late" }];
      },
    });
    expect(loads).toBe(0);
    for (const _ of [1, 2]) {
      const client = inProcessClient(server);
      const warning = client.waitForNotification("configWarning", { timeoutMs: 5000 });
      await client.initialize({ clientInfo: CLIENT_INFO });
      await expect(warning).resolves.toEqual({ summary: "loaded late" });
    }
    expect(loads).toBe(1);
  });
});

describe("request errors", () => {
  it("answers unknown methods and bad params with -32600 before the initialize check", async () => {
    const { server } = await testServer();
    const client = inProcessClient(server);
    expect(await rpcError(client.requestUntyped("nope/method", {}))).toEqual({
      code: -32600,
      message: "Invalid request: unknown method `nope/method`",
      data: undefined,
    });
    const bad = await rpcError(client.requestUntyped("fs/getMetadata", { path: 3 }));
    expect(bad.code).toBe(-32600);
    expect(bad.message).toMatch(/^Invalid request: params\.path: /);
    const missing = await rpcError(client.requestUntyped("fs/getMetadata"));
    expect(missing.code).toBe(-32600);
  });

  it("gates experimental methods on the experimentalApi capability", async () => {
    const { server } = await testServer();
    const plain = inProcessClient(server);
    await plain.initialize({ clientInfo: CLIENT_INFO });
    expect(await rpcError(plain.request("fuzzyFileSearch/sessionStart", { sessionId: "s", roots: [] }))).toEqual({
      code: -32600,
      message: "fuzzyFileSearch/sessionStart requires experimentalApi capability",
      data: undefined,
    });
    const opted = inProcessClient(server);
    await opted.initialize({ clientInfo: CLIENT_INFO, capabilities: { experimentalApi: true } });
    await expect(opted.request("fuzzyFileSearch/sessionStart", { sessionId: "s", roots: [] })).resolves.toEqual({});
  });

  it("checks initialization before experimental gating", async () => {
    const { server } = await testServer();
    const client = inProcessClient(server);
    expect(await rpcError(client.request("fuzzyFileSearch/sessionStart", { sessionId: "s", roots: [] }))).toMatchObject({
      message: "Not initialized",
    });
  });

  it("passes handler errors through: RpcError as given, anything else as -32603", async () => {
    const { server } = await testServer();
    const client = inProcessClient(server);
    await client.initialize({ clientInfo: CLIENT_INFO });
    expect(await rpcError(client.request("fs/getMetadata", { path: "/invalid" }))).toEqual({ code: -32602, message: "bad path", data: { path: "/invalid" } });
    expect(await rpcError(client.request("fs/getMetadata", { path: "/boom" }))).toEqual({ code: -32603, message: "disk on fire", data: undefined });
  });

  it("answers -32601 for a method the handler table does not serve", async () => {
    const { server } = await testServer();
    const client = inProcessClient(server);
    await client.initialize({ clientInfo: CLIENT_INFO });
    expect(await rpcError(client.request("model/list", {}))).toEqual({ code: -32601, message: "model/list is not supported yet", data: undefined });
  });
});
