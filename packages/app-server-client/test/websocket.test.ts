// The ws:// listener: banner, health endpoints, Origin refusal, framing, malformed and oversized input,
// pings, and isolation between connections.
import { request as httpRequest } from "node:http";
import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import { AppServerConnectError } from "../src/index.js";
import { CLIENT_INFO, defer, startListener, within, wsClient } from "./helpers.js";

function httpGet(url: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, path, headers }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

function rawSocket(url: string, options: WebSocket.ClientOptions = {}): Promise<WebSocket> {
  const socket = new WebSocket(url, options);
  defer(() => socket.terminate());
  return new Promise((resolve, reject) => {
    socket.once("open", () => resolve(socket));
    socket.once("error", reject);
  });
}

function nextMessage(socket: WebSocket): Promise<Record<string, unknown>> {
  return within(new Promise((resolve) => socket.once("message", (data) => resolve(JSON.parse(data.toString())))), 5000, "a websocket message");
}

describe("websocket listener", () => {
  it("prints the bound address the way upstream does", async () => {
    const { url, stderr } = await startListener();
    const port = new URL(url).port;
    expect(Number(port)).toBeGreaterThan(0);
    expect(stderr.join("")).toBe(
      [
        "codex app-server (WebSockets)",
        `  listening on: ws://127.0.0.1:${port}`,
        `  readyz: http://127.0.0.1:${port}/readyz`,
        `  healthz: http://127.0.0.1:${port}/healthz`,
        "  note: binds localhost only (use SSH port-forwarding for remote access)",
        "",
      ].join("\n"),
    );
  });

  it("answers /healthz and /readyz, and 403 to anything with an Origin header", async () => {
    const { url } = await startListener();
    expect(await httpGet(url, "/healthz")).toEqual({ status: 200, body: "" });
    expect(await httpGet(url, "/readyz")).toEqual({ status: 200, body: "" });
    expect((await httpGet(url, "/healthz", { origin: "http://evil.example" })).status).toBe(403);
    expect((await httpGet(url, "/other")).status).toBe(400);
    const refused = await connectRefused(url, { origin: "http://localhost" });
    expect(refused.status).toBe(403);
  });

  it("serves JSON-RPC over text frames with the size limit advertised", async () => {
    const { url } = await startListener();
    const socket = new WebSocket(url);
    defer(() => socket.terminate());
    const upgraded = new Promise<Record<string, unknown>>((resolve) => socket.once("upgrade", (response) => resolve(response.headers)));
    const opened = new Promise((resolve) => socket.once("open", resolve));
    expect((await upgraded)["x-codex-websocket-max-unfragmented-message-bytes"]).toBe(String(16 * 1024 * 1024));
    await within(opened, 5000, "the websocket to open");
    socket.send(JSON.stringify({ id: 1, method: "initialize", params: { clientInfo: CLIENT_INFO } }));
    const response = await nextMessage(socket);
    expect(response).toMatchObject({ id: 1, result: { platformFamily: expect.any(String) } });
    expect(response).not.toHaveProperty("jsonrpc");
  });

  it("answers malformed JSON with a parse error and keeps the connection", async () => {
    const { url } = await startListener();
    const client = await wsClient(url);
    const errors: Array<{ code: number; message: string }> = [];
    client.onErrorMessage((error) => errors.push(error));
    await client.initialize({ clientInfo: CLIENT_INFO });
    client.sendText("{not json");
    client.sendText("[1,2]");
    await expect(client.request("fs/getMetadata", { path: "/x" })).resolves.toMatchObject({ isFile: true });
    expect(errors).toHaveLength(2);
    expect(errors[0]?.code).toBe(-32700);
    expect(errors[1]?.code).toBe(-32600);
  });

  it("ignores binary frames and answers pings", async () => {
    const { url } = await startListener();
    const socket = await rawSocket(url);
    socket.send(Buffer.from(JSON.stringify({ id: 1, method: "initialize", params: { clientInfo: CLIENT_INFO } })), { binary: true });
    const pong = within(new Promise<string>((resolve) => socket.once("pong", (data) => resolve(data.toString()))), 5000, "a pong");
    socket.ping("check");
    expect(await pong).toBe("check");
    socket.send(JSON.stringify({ id: 2, method: "initialize", params: { clientInfo: CLIENT_INFO } }));
    expect(await nextMessage(socket)).toMatchObject({ id: 2, result: expect.any(Object) });
  });

  it("closes a connection that sends a frame over the limit with 1009", async () => {
    const { url } = await startListener({ maxMessageBytes: 1024 });
    const socket = await rawSocket(url);
    const closed = within(new Promise<number>((resolve) => socket.once("close", (code) => resolve(code))), 5000, "the close");
    socket.send(JSON.stringify({ id: 1, method: "fs/getMetadata", params: { path: `/${"a".repeat(2048)}` } }));
    expect(await closed).toBe(1009);
  });

  it("isolates connections: one client's traffic never reaches another", async () => {
    const { url } = await startListener();
    const first = await wsClient(url);
    const second = await wsClient(url);
    const secondSaw: unknown[] = [];
    second.onAnyNotification((notification) => secondSaw.push(notification));
    second.onErrorMessage((error) => secondSaw.push(error));
    await first.initialize({ clientInfo: CLIENT_INFO }, { id: 5 });
    await expect(first.request("fs/getMetadata", { path: "/x" }, { id: 6 })).resolves.toMatchObject({ isFile: true });
    await expect(second.request("fs/getMetadata", { path: "/x" }, { id: 6 })).rejects.toMatchObject({ message: "Not initialized" });
    expect(secondSaw).toEqual([]);
  });
});

async function connectRefused(url: string, headers: Record<string, string>): Promise<AppServerConnectError> {
  const error = await wsClient(url, { headers }).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppServerConnectError);
  return error as AppServerConnectError;
}
