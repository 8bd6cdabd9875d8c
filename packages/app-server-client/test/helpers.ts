// Shared helpers of the app-server integration tests: temp CODEX_HOME, a small controllable handler table,
// deadlines instead of sleeps.
import { mkdtemp, realpath, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  type AppServer,
  type AppServerOptions,
  createAppServer,
  type RequestHandlers,
  type RunningAppServer,
  type StartAppServerOptions,
  silentLogger,
  startAppServer,
} from "@codex-ts/app-server";
import { RpcError, invalidParamsError } from "@codex-ts/app-server-protocol";
import { afterEach } from "vitest";
import { AppServerClient, connectInProcess, connectWebSocket } from "../src/index.js";

const cleanups: Array<() => Promise<unknown> | unknown> = [];

/** Registers work for the end of the current test (closing clients, servers, temp dirs). */
export function defer(cleanup: () => Promise<unknown> | unknown): void {
  cleanups.push(cleanup);
}

afterEach(async () => {
  while (cleanups.length > 0) {
    const cleanup = cleanups.pop();
    await Promise.resolve()
      .then(cleanup)
      .catch(() => undefined);
  }
});

export async function tempDir(prefix = "codex-app-server-test-"): Promise<string> {
  const dir = await realpath(await mkdtemp(path.join(tmpdir(), prefix)));
  defer(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Rejects with a clear message when `promise` does not settle within `ms`. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    }),
  ]);
}

/** A promise with its resolver, for handlers a test releases when it wants. */
export function gate<T = void>(): { promise: Promise<T>; open(value: T): void } {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open };
}

export interface TestHandlerControls {
  /** Calls of `fs/getMetadata` whose path starts with `/block` wait for this gate. */
  blocker: { promise: Promise<void>; open(value: void): void };
  /** Resolves with the connection id each time a blocking call starts. */
  started: Array<{ connectionId: string; path: string }>;
  onStarted?: () => void;
  cleanupsRun: string[];
  /** Connection id of every `fs/getMetadata` call, in order. */
  callers: string[];
}

/**
 * A small handler table: `fs/getMetadata` answers at once (or waits for `controls.blocker` for paths under
 * `/block`, or fails for `/invalid` and `/boom`), registers a cleanup per connection, and
 * `fuzzyFileSearch/sessionStart` exists for experimental gating.
 */
export function testHandlers(controls: TestHandlerControls): RequestHandlers {
  return {
    "fs/getMetadata": async (params, context) => {
      if (params.path === "/invalid") throw new RpcError(invalidParamsError("bad path", { path: params.path }));
      if (params.path === "/boom") throw new Error("disk on fire");
      controls.callers.push(context.connection.id);
      context.connection.onClose(() => {
        controls.cleanupsRun.push(context.connection.id);
      });
      if (params.path.startsWith("/block")) {
        controls.started.push({ connectionId: context.connection.id, path: params.path });
        controls.onStarted?.();
        await controls.blocker.promise;
      }
      return { isDirectory: false, isFile: true, isSymlink: false, createdAtMs: 1, modifiedAtMs: 2 };
    },
    "fuzzyFileSearch/sessionStart": async () => ({}),
    "configRequirements/read": async (_params, context) => {
      context.services.broadcast("configWarning", { summary: `from ${context.connection.id}` });
      return { requirements: null } as never;
    },
  };
}

export function newControls(): TestHandlerControls {
  return { blocker: gate<void>(), started: [], cleanupsRun: [], callers: [] };
}

/** An in-process server with the test handler table. */
export async function testServer(overrides: Partial<AppServerOptions> = {}): Promise<{ server: AppServer; controls: TestHandlerControls; codexHome: string }> {
  const codexHome = await tempDir();
  const controls = newControls();
  const server = createAppServer({ codexHome, env: {}, handlers: testHandlers(controls), ...overrides });
  defer(() => server.shutdown({ graceMs: 0 }));
  return { server, controls, codexHome };
}

export function inProcessClient(server: AppServer): AppServerClient {
  const client = connectInProcess(server, { requestTimeoutMs: 10_000 });
  defer(() => client.close());
  return client;
}

export const CLIENT_INFO = { name: "test_client", title: "Test Client", version: "1.2.3" };

/** Resolves once `check()` is true, polling on the event loop (no fixed sleeps); rejects after `ms`. */
export async function eventually(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export interface StartedListener {
  running: RunningAppServer;
  url: string;
  controls: TestHandlerControls;
  codexHome: string;
  stderr: string[];
}

/** Starts a server with the test handlers on `listen` (default `ws://127.0.0.1:0`). */
export async function startListener(options: Partial<StartAppServerOptions> = {}): Promise<StartedListener> {
  const codexHome = await tempDir();
  const controls = newControls();
  const stderr: string[] = [];
  const running = await startAppServer({
    listen: { kind: "websocket", host: "127.0.0.1", port: 0 },
    codexHome,
    env: {},
    handlers: testHandlers(controls),
    stderr: { write: (text: string) => stderr.push(text) },
    shutdownGraceMs: 1000,
    logger: silentLogger,
    ...options,
  });
  defer(() => running.shutdown("test over"));
  return { running, url: running.url as string, controls, codexHome, stderr };
}

export async function wsClient(url: string, options: Parameters<typeof connectWebSocket>[1] = {}): Promise<AppServerClient> {
  const client = await connectWebSocket(url, { requestTimeoutMs: 10_000, ...options });
  defer(() => client.close());
  return client;
}
