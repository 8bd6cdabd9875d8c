// The same conversation over every transport: per-connection initialization, errors, equal ids on two
// connections, and malformed input answered without losing the connection.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { AppServerClient, connectUnixSocket, connectWebSocket, spawnAppServerClient } from "../src/index.js";
import { CLIENT_INFO, defer, inProcessClient, startListener, tempDir, testServer, within } from "./helpers.js";

const entry = fileURLToPath(new URL("./fixtures/app-server-entry.mjs", import.meta.url));

interface Harness {
  /** Opens one more connection to the same server. */
  connect(): Promise<AppServerClient>;
  /** Whether raw text frames can be sent (not in-process). */
  text: boolean;
}

const transports: Array<[string, () => Promise<Harness>]> = [
  [
    "in-process",
    async () => {
      const { server } = await testServer();
      return { connect: async () => inProcessClient(server), text: false };
    },
  ],
  [
    "websocket",
    async () => {
      const { url } = await startListener();
      return { connect: () => track(connectWebSocket(url, { requestTimeoutMs: 10_000 })), text: true };
    },
  ],
  [
    "unix socket",
    async () => {
      const socketPath = path.join(await tempDir(), "app.sock");
      await startListener({ listen: { kind: "unix", socketPath } });
      return { connect: () => track(connectUnixSocket(socketPath, { requestTimeoutMs: 10_000 })), text: true };
    },
  ],
  [
    "stdio process",
    async () => {
      // One process per connection: stdio carries exactly one.
      const home = await tempDir();
      return {
        connect: async () => {
          const { client, child } = spawnAppServerClient({
            command: process.execPath,
            args: [entry, "--test-handlers"],
            env: { PATH: process.env.PATH, HOME: home, CODEX_HOME: home },
            requestTimeoutMs: 20_000,
          });
          defer(() => child.kill("SIGKILL"));
          return track(Promise.resolve(client));
        },
        text: true,
      };
    },
  ],
];

async function track(pending: Promise<AppServerClient>): Promise<AppServerClient> {
  const client = await pending;
  defer(() => client.close());
  return client;
}

describe.each(transports)("over %s", { timeout: 30_000 }, (_name, makeHarness) => {
  it("initializes each connection on its own and keeps equal ids apart", async () => {
    const harness = await makeHarness();
    const first = await harness.connect();
    const second = await harness.connect();
    await first.initialize({ clientInfo: CLIENT_INFO }, { id: "same" });
    await expect(second.request("fs/getMetadata", { path: "/x" }, { id: "same" })).rejects.toMatchObject({ code: -32600, message: "Not initialized" });
    await expect(first.request("fs/getMetadata", { path: "/x" }, { id: 7 })).resolves.toMatchObject({ isFile: true });
    await second.initialize({ clientInfo: CLIENT_INFO }, { id: 7 });
    await expect(second.request("initialize", { clientInfo: CLIENT_INFO })).rejects.toMatchObject({ code: -32600, message: "Already initialized" });
    await expect(first.requestUntyped("no/such/method", {})).rejects.toMatchObject({ code: -32600, message: "Invalid request: unknown method `no/such/method`" });
    await expect(first.request("fuzzyFileSearch/sessionStart", { sessionId: "s", roots: [] })).rejects.toMatchObject({
      code: -32600,
      message: "fuzzyFileSearch/sessionStart requires experimentalApi capability",
    });
  });

  it("answers malformed input and keeps the connection", async () => {
    const harness = await makeHarness();
    const client = await harness.connect();
    await client.initialize({ clientInfo: CLIENT_INFO });
    const errors: number[] = [];
    client.onErrorMessage((error) => errors.push(error.code));
    if (harness.text) client.sendText("{oops");
    else client.notify("not/a/real/notification");
    await expect(within(client.request("fs/getMetadata", { path: "/x" }), 20_000, "a request after bad input")).resolves.toMatchObject({ isFile: true });
    expect(errors).toEqual(harness.text ? [-32700] : []);
  });
});

