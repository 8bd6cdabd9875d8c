// The request handlers of the app-server, one family per file, assembled into the table the server routes
// requests to.
import { createCommandExecHandlers } from "./command-exec.js";
import type { ServerConfigSource } from "./config-loading.js";
import { createConfigReadHandlers } from "./config-read.js";
import { createConfigRequirementsHandlers } from "./config-requirements.js";
import { createConfigWriteHandlers } from "./config-write.js";
import type { RequestHandlers } from "./context.js";
import { createFeaturesListHandlers } from "./features-list.js";
import { createFsHandlers } from "./fs-handlers.js";
import { createFsWatchHandlers } from "./fs-watch.js";
import { createFuzzySearchHandlers } from "./fuzzy-search.js";
import { createGitDiffHandlers } from "./git-diff.js";
import { createModelListHandlers } from "./model-list.js";
import { createThreadHandlers } from "./threads/thread-handlers.js";
import { ThreadService } from "./threads/thread-service.js";

export type {
  ConnectionHandle,
  RequestContext,
  RequestHandler,
  RequestHandlers,
  ServerServices,
} from "./context.js";

export interface RequestHandlersOptions {
  /** Canonical CODEX_HOME of the server. */
  codexHome: string;
  /** `-c key=value` overrides the server was started with. */
  configOverrides?: readonly string[];
  /** Environment the server runs with; defaults to `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Version recorded in rollouts and sent in the model client's user agent. */
  serverVersion?: string;
  /** `source` of the threads this server starts. */
  sessionSource?: string;
  /** The server's logger; model requests are logged at debug. */
  logger?: { debug(fields: Record<string, unknown>, message: string): void; enabled(level: "debug"): boolean };
  /** Registers work to run when the server shuts down (stopping threads and their commands). */
  onShutdown?: (hook: () => Promise<void>) => void;
}

/** Builds the handler table for one server. Per-connection state is released when a connection closes. */
export function createRequestHandlers(options: RequestHandlersOptions): RequestHandlers {
  const source: ServerConfigSource = {
    codexHome: options.codexHome,
    configOverrides: options.configOverrides ?? [],
    env: options.env ?? process.env,
  };
  const threads = new ThreadService({
    codexHome: options.codexHome,
    env: source.env,
    cliVersion: options.serverVersion ?? "0.0.0",
    source: options.sessionSource ?? "vscode",
    configOptions: { overrides: source.configOverrides },
    ...(options.logger?.enabled("debug") ? { logger: options.logger } : {}),
  });
  options.onShutdown?.(() => threads.shutdown());
  return {
    ...createThreadHandlers(threads),
    ...createFsHandlers(),
    ...createFsWatchHandlers(),
    ...createCommandExecHandlers(source),
    ...createConfigReadHandlers(source),
    ...createConfigWriteHandlers(source),
    ...createConfigRequirementsHandlers(source),
    ...createFeaturesListHandlers(source),
    ...createModelListHandlers(source),
    ...createFuzzySearchHandlers(),
    ...createGitDiffHandlers(),
  };
}
