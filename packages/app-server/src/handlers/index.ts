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
}

/** Builds the handler table for one server. Per-connection state is released when a connection closes. */
export function createRequestHandlers(options: RequestHandlersOptions): RequestHandlers {
  const source: ServerConfigSource = {
    codexHome: options.codexHome,
    configOverrides: options.configOverrides ?? [],
    env: options.env ?? process.env,
  };
  return {
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
