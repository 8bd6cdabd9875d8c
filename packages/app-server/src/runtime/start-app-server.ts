// Starting a server on one `--listen` target with its transport, the startup banner, and graceful shutdown
// (listener stops accepting, in-flight requests answered or failed, connections closed, cleanups run,
// socket file removed).
import type { Readable, Writable } from "node:stream";
import { createLogger, type Logger } from "../logging/logger.js";
import { type AppServer, createAppServer, DEFAULT_SHUTDOWN_GRACE_MS } from "../server/app-server.js";
import type { HandlerSource } from "../server/dispatcher.js";
import type { ConfigWarningsSource } from "../server/initialize.js";
import { defaultControlSocketPath } from "../transports/control-socket.js";
import { attachJsonlTransport } from "../transports/jsonl-transport.js";
import type { ListenTarget } from "../transports/listen-url.js";
import { listenUnixSocket } from "../transports/unix-socket-listener.js";
import { resolveWebsocketAuth, type WebsocketAuthFlags } from "../transports/websocket-auth-config.js";
import { listenWebSocket } from "../transports/websocket-listener.js";
import { unixSocketBanner, websocketBanner } from "./banner.js";

export interface StartAppServerOptions {
  listen: ListenTarget;
  codexHome: string;
  configOverrides?: readonly string[];
  env?: NodeJS.ProcessEnv;
  /** Base for relative auth file paths; default the process cwd. */
  cwd?: string;
  wsAuth?: WebsocketAuthFlags;
  serverVersion?: string;
  configWarnings?: ConfigWarningsSource;
  handlers?: HandlerSource;
  logger?: Logger;
  stdin?: Readable;
  stdout?: Writable;
  /** Where the banner and warnings go; default stderr. */
  stderr?: { write(text: string): unknown };
  shutdownGraceMs?: number;
  maxPendingRequests?: number;
  maxLineBytes?: number;
  maxMessageBytes?: number;
  outboundQueueLimit?: number;
  outboundLimitBytes?: number;
}

export interface RunningAppServer {
  readonly server: AppServer;
  /** `ws://host:port` or `unix://path` of the listener, undefined for stdio. */
  readonly url: string | undefined;
  /** Starts graceful shutdown (idempotent); resolves when it is complete. */
  shutdown(reason?: string): Promise<void>;
  /** Resolves when the server has shut down, for whatever reason (signal, stdin closed, `shutdown()`). */
  readonly done: Promise<void>;
}

/** A user-facing startup failure. */
export class AppServerStartError extends Error {
  readonly code = "APP_SERVER_START";

  constructor(message: string) {
    super(message);
    this.name = "AppServerStartError";
  }
}

interface Listener {
  url: string;
  stopAccepting(): void;
  close(): Promise<void>;
}

export async function startAppServer(options: StartAppServerOptions): Promise<RunningAppServer> {
  const env = options.env ?? process.env;
  const stderr = options.stderr ?? process.stderr;
  if (options.listen.kind === "off") throw new AppServerStartError("no transport configured; use --listen or enable remote control");
  const auth = options.listen.kind === "websocket" ? await resolveWebsocketAuth(options.wsAuth ?? {}, options.cwd ?? process.cwd()) : undefined;
  const logger = options.logger ?? createLogger({ env });
  const server = createAppServer({
    codexHome: options.codexHome,
    env,
    logger,
    ...(options.configOverrides ? { configOverrides: options.configOverrides } : {}),
    ...(options.serverVersion ? { serverVersion: options.serverVersion } : {}),
    ...(options.configWarnings ? { configWarnings: options.configWarnings } : {}),
    ...(options.handlers ? { handlers: options.handlers } : {}),
    ...(options.maxPendingRequests ? { maxPendingRequests: options.maxPendingRequests } : {}),
  });

  let listener: Listener | undefined;
  let stdioFinished: Promise<void> | undefined;
  let shutdownPromise: Promise<void> | undefined;
  let resolveDone!: () => void;
  const done = new Promise<void>((resolve) => (resolveDone = resolve));
  const shutdown = (reason = "requested"): Promise<void> => {
    shutdownPromise ??= (async () => {
      logger.info({ reason }, "app-server shutting down");
      listener?.stopAccepting();
      await server.shutdown({ graceMs: options.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS });
      await listener?.close();
      await stdioFinished;
      resolveDone();
    })();
    return shutdownPromise;
  };

  const transportLimits = {
    ...(options.maxMessageBytes ? { maxMessageBytes: options.maxMessageBytes } : {}),
    ...(options.outboundQueueLimit ? { outboundQueueLimit: options.outboundQueueLimit } : {}),
    ...(options.outboundLimitBytes ? { outboundLimitBytes: options.outboundLimitBytes } : {}),
  };
  if (options.listen.kind === "stdio") {
    const transport = attachJsonlTransport(server, {
      input: options.stdin ?? process.stdin,
      output: options.stdout ?? process.stdout,
      ...(options.maxLineBytes ? { maxLineBytes: options.maxLineBytes } : {}),
      onInputEnd: () => void shutdown("stdin closed"),
    });
    stdioFinished = transport.finished;
  } else if (options.listen.kind === "websocket") {
    const bound = await listenWebSocket(server, { host: options.listen.host, port: options.listen.port, ...(auth ? { auth } : {}), ...transportLimits });
    listener = bound;
    stderr.write(websocketBanner(bound.host, bound.port, auth !== undefined));
  } else {
    const socketPath = options.listen.socketPath ?? defaultControlSocketPath(options.codexHome);
    const bound = await listenUnixSocket(server, { socketPath, ...transportLimits });
    listener = bound;
    stderr.write(unixSocketBanner(bound.socketPath));
  }
  return { server, url: listener?.url, shutdown, done };
}

/**
 * Runs a server until SIGINT, SIGTERM or (for stdio) the end of stdin, then shuts it down gracefully. A
 * second signal during shutdown exits at once. Signal handlers are installed before the banner is printed.
 */
export async function runAppServer(options: StartAppServerOptions): Promise<void> {
  let running: RunningAppServer | undefined;
  let signalled: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (signalled !== undefined) process.exit(signal === "SIGINT" ? 130 : 143);
    signalled = signal;
    void running?.shutdown(signal);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    running = await startAppServer(options);
    if (signalled !== undefined) void running.shutdown(signalled);
    await running.done;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}
