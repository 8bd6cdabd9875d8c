// Harness of the thread and turn tests: a mock Responses server, a temp CODEX_HOME whose config points at
// it, a workspace directory, servers in-process or as the built `codex app-server` (stdio or ws://), and a
// recorder of everything a client receives, with deadline waits instead of sleeps.
import { spawn } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type AppServer, createAppServer } from "@codex-ts/app-server";
import type { ServerNotificationMethod, ServerNotificationTypes } from "@codex-ts/app-server-protocol";
import { type MockResponsesServer, configForMock, startMockResponsesServer } from "@codex-ts/test-support";
import { type AppServerClient, connectInProcess, connectWebSocket, spawnAppServerClient } from "../../src/index.js";
import { CLIENT_INFO, defer, tempDir, within } from "../helpers.js";

export const CLI_ENTRY = fileURLToPath(new URL("../../../../apps/cli/dist/cli.js", import.meta.url));

/** How long any single wait may take before the test fails with a clear message. */
export const WAIT_MS = 15_000;

export interface Fixture {
  mock: MockResponsesServer;
  codexHome: string;
  /** The directory threads run in (passed as `cwd`). */
  workspace: string;
  env: NodeJS.ProcessEnv;
}

/** A mock model, a CODEX_HOME pointing at it (plus `extraConfig` TOML) and a workspace directory. */
export async function fixture(extraConfig = ""): Promise<Fixture> {
  const mock = await startMockResponsesServer();
  defer(() => mock.close());
  const codexHome = await tempDir("codex-threads-home-");
  const workspace = await tempDir("codex-threads-ws-");
  await writeFile(path.join(codexHome, "config.toml"), `${configForMock(mock.url, { requestMaxRetries: 0, streamMaxRetries: 0 })}${extraConfig}`);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: codexHome,
    CODEX_HOME: codexHome,
    OPENAI_API_KEY: "test-key",
    SHELL: "/bin/sh",
  };
  return { mock, codexHome, workspace, env };
}

/** A server to open connections to. */
export interface ServerHandle {
  connect(): Promise<Recorded>;
  /** Stops the server (for restart tests). */
  stop(): Promise<void>;
}

export function inProcessServer(fx: Fixture): ServerHandle {
  let server: AppServer = createAppServer({ codexHome: fx.codexHome, env: fx.env });
  defer(() => server.shutdown({ graceMs: 0 }));
  return {
    async connect() {
      const client = connectInProcess(server, { requestTimeoutMs: WAIT_MS });
      defer(() => client.close());
      return record(client);
    },
    async stop() {
      await server.shutdown({ graceMs: 0 });
      server = createAppServer({ codexHome: fx.codexHome, env: fx.env });
      defer(() => server.shutdown({ graceMs: 0 }));
    },
  };
}

/** `codex app-server` over stdio: one process per connection. */
export function stdioServer(fx: Fixture): ServerHandle & { children: Array<{ kill(signal?: NodeJS.Signals): boolean }> } {
  const children: Array<{ kill(signal?: NodeJS.Signals): boolean }> = [];
  const stderrLog: string[] = [];
  return {
    children,
    async connect() {
      const { client, child } = spawnAppServerClient({
        command: process.execPath,
        args: [CLI_ENTRY, "app-server"],
        env: fx.env,
        cwd: fx.workspace,
        requestTimeoutMs: WAIT_MS,
      });
      children.push(child);
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => stderrLog.push(chunk));
      defer(() => child.kill("SIGKILL"));
      defer(() => client.close());
      return record(client);
    },
    async stop() {
      for (const child of children.splice(0)) child.kill("SIGTERM");
    },
  };
}

/** `codex app-server --listen ws://127.0.0.1:0`, its address read from the banner on stderr. */
export async function webSocketServer(fx: Fixture): Promise<ServerHandle & { url: string }> {
  const child = spawn(process.execPath, [CLI_ENTRY, "app-server", "--listen", "ws://127.0.0.1:0"], {
    env: fx.env,
    cwd: fx.workspace,
    stdio: ["ignore", "ignore", "pipe"],
  });
  defer(() => child.kill("SIGKILL"));
  let stderr = "";
  const url = await within(
    new Promise<string>((resolve, reject) => {
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
        stderr += chunk;
        const match = /listening on: (ws:\/\/\S+)/.exec(stderr);
        if (match) resolve(match[1] as string);
      });
      child.once("exit", (code) => reject(new Error(`app-server exited with ${code}: ${stderr}`)));
    }),
    WAIT_MS,
    "the websocket banner",
  );
  return {
    url,
    async connect() {
      const client = await connectWebSocket(url, { requestTimeoutMs: WAIT_MS });
      defer(() => client.close());
      return record(client);
    },
    async stop() {
      child.kill("SIGTERM");
    },
  };
}

export interface Event {
  method: string;
  params: Record<string, unknown>;
}

export interface ServerRequestSeen {
  id: string | number;
  method: string;
  params: Record<string, unknown>;
}

/** A client plus everything it received, in order. */
export interface Recorded {
  client: AppServerClient;
  events: Event[];
  /** Server requests received (answered by `answer` handlers or held until the test answers them). */
  requests: ServerRequestSeen[];
  /** Resolves with the first event (already received or future) that matches. */
  waitFor<M extends ServerNotificationMethod>(method: M, predicate?: (params: ServerNotificationTypes[M]) => boolean, ms?: number): Promise<ServerNotificationTypes[M]>;
  /** Resolves with the first server request of `method` not answered yet (already received or future). */
  nextRequest(method: string, ms?: number): Promise<ServerRequestSeen>;
  /** Answers the server request `id` with `result`. */
  answer(id: string | number, result: unknown): void;
  /** Methods of the events that belong to `turnId` (plus thread-level ones), in order. */
  methods(filter?: (event: Event) => boolean): string[];
}

/** Records notifications and holds approval requests until the test answers them. */
export function record(client: AppServerClient): Recorded {
  const events: Event[] = [];
  const requests: ServerRequestSeen[] = [];
  const waiters = new Set<() => void>();
  const wake = (): void => {
    for (const waiter of [...waiters]) waiter();
  };
  const answers = new Map<string | number, (result: unknown) => void>();
  client.onAnyNotification((notification) => {
    events.push({ method: notification.method, params: notification.params as Record<string, unknown> });
    wake();
  });
  for (const method of ["item/commandExecution/requestApproval", "item/fileChange/requestApproval"]) {
    client.onServerRequest(method, (params, request) => {
      return new Promise((resolve) => {
        answers.set(request.id, resolve);
        requests.push({ id: request.id, method, params: params as Record<string, unknown> });
        wake();
      });
    });
  }
  const until = <T>(find: () => T | undefined, ms: number, what: string): Promise<T> => {
    const found = find();
    if (found !== undefined) return Promise.resolve(found);
    return within(
      new Promise<T>((resolve) => {
        const check = (): void => {
          const value = find();
          if (value === undefined) return;
          waiters.delete(check);
          resolve(value);
        };
        waiters.add(check);
      }),
      ms,
      what,
    );
  };
  return {
    client,
    events,
    requests,
    waitFor(method, predicate, ms = WAIT_MS) {
      return until(
        () => events.find((event) => event.method === method && (!predicate || predicate(event.params as never)))?.params as never,
        ms,
        `notification ${method}; received so far: ${events.map((event) => event.method).join(", ")}`,
      );
    },
    nextRequest(method, ms = WAIT_MS) {
      return until(() => requests.find((request) => request.method === method && answers.has(request.id)), ms, `server request ${method}`);
    },
    answer(id, result) {
      const resolve = answers.get(id);
      if (!resolve) throw new Error(`no pending server request ${String(id)}`);
      answers.delete(id);
      resolve(result);
    },
    methods(filter) {
      return events.filter((event) => !filter || filter(event)).map((event) => event.method);
    },
  };
}

export async function initialized(recorded: Promise<Recorded> | Recorded): Promise<Recorded> {
  const client = await recorded;
  await client.client.initialize({ clientInfo: CLIENT_INFO });
  return client;
}

export interface ThreadStartOverrides {
  /** `null` leaves it to the config (e.g. `approval_policy = "on-failure"`, which the v2 wire no longer carries). */
  approvalPolicy?: "untrusted" | "on-request" | "never" | null;
  sandbox?: "read-only" | "workspace-write" | "danger-full-access";
  cwd?: string;
  config?: Record<string, unknown>;
}

/** Starts a thread in the fixture's workspace; returns its id and the full response. */
export async function startThread(rec: Recorded, fx: Fixture, overrides: ThreadStartOverrides = {}) {
  const response = await rec.client.request("thread/start", {
    cwd: overrides.cwd ?? fx.workspace,
    ...(overrides.approvalPolicy !== null ? { approvalPolicy: overrides.approvalPolicy ?? "never" } : {}),
    sandbox: overrides.sandbox ?? "workspace-write",
    ...(overrides.config ? { config: overrides.config } : {}),
  });
  return { threadId: response.thread.id, response };
}

/** Starts a turn with one text input; resolves with the turn id. */
export async function startTurn(rec: Recorded, threadId: string, text: string): Promise<string> {
  const { turn } = await rec.client.request("turn/start", { threadId, input: [{ type: "text", text }] });
  return turn.id;
}

/** Waits for `turn/completed` of `turnId` and returns the turn. */
export async function turnCompleted(rec: Recorded, turnId: string) {
  const done = await rec.waitFor("turn/completed", (params) => params.turn.id === turnId);
  return done.turn;
}

/** The `input` array of the n-th request the mock received (0-based). */
export function requestInput(mock: MockResponsesServer, index: number): Array<Record<string, unknown>> {
  const body = mock.responsesRequests[index]?.body as { input?: Array<Record<string, unknown>> } | undefined;
  if (!body?.input) throw new Error(`the mock received no request #${index}`);
  return body.input;
}

/** The output the model was sent for `callId` (function or custom tool call output). */
export function callOutput(mock: MockResponsesServer, index: number, callId: string): string {
  const item = requestInput(mock, index).find(
    (entry) => (entry["type"] === "function_call_output" || entry["type"] === "custom_tool_call_output") && entry["call_id"] === callId,
  );
  if (!item) throw new Error(`request #${index} has no output for ${callId}`);
  const output = item["output"];
  return typeof output === "string" ? output : JSON.stringify(output);
}

/** Texts of the user messages in a request's input. */
export function userTexts(mock: MockResponsesServer, index: number): string[] {
  return requestInput(mock, index)
    .filter((entry) => entry["type"] === "message" && entry["role"] === "user")
    .flatMap((entry) => (entry["content"] as Array<{ type: string; text?: string }>).map((part) => part.text ?? ""));
}

export async function writeWorkspaceFile(fx: Fixture, name: string, text: string): Promise<string> {
  const file = path.join(fx.workspace, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  return file;
}
