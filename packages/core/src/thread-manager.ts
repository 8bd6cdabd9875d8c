// Creates, resumes and forks threads, and keeps the loaded ones.
import { join, resolve } from "node:path";
import { type LoadedConfig, formatTomlValue, loadConfig } from "@codex-ts/config";
import { getGitInfo } from "@codex-ts/git-utils";
import { ModelClient, type ModelAuthProvider, type RequestLogger } from "@codex-ts/model-client";
import { type SessionSource, type ThreadId, newThreadId, parseThreadId } from "@codex-ts/protocol";
import { RolloutRecorder, findRolloutByThreadId, forkRollout, readRollout, sessionGitInfo } from "@codex-ts/rollout";
import { type ExecPolicy, loadExecPolicy } from "@codex-ts/shell-command";
import { absolutePath } from "@codex-ts/utils-absolute-path";
import { findProjectRoot, loadUserInstructions } from "./prompt/agents-md.js";
import type { McpToolSource } from "./mcp-tools.js";
import { rebuildThread } from "./rebuild-thread.js";
import { Thread, type ThreadInit } from "./thread.js";
import { type ThreadOverrides, resolveThreadConfig } from "./thread-config.js";

export class ThreadNotFoundError extends Error {
  readonly code = "THREAD_NOT_FOUND";
}

export interface ThreadManagerOptions {
  codexHome: string;
  /** Environment for config, API keys and commands; default `process.env`. */
  env?: NodeJS.ProcessEnv;
  cliVersion: string;
  /** Client name sent as `originator` and stored in rollouts (e.g. `codex_exec`). */
  originator: string;
  source: SessionSource;
  /** Base config loading: system dir, profile and `-c` flags of the process. */
  configOptions?: { systemConfigDir?: string; profile?: string; overrides?: readonly string[]; strict?: boolean };
  /** Credentials for the model provider, when not from the provider's `env_key`. */
  auth?: ModelAuthProvider;
  /** Receives one debug record per model request (method, URL, status, duration). */
  logger?: RequestLogger;
  /** Tools from MCP servers, offered in every thread. */
  mcp?: McpToolSource;
  /** Skip `$CODEX_HOME/rules` and project rules. */
  ignoreRules?: boolean;
}

export interface StartThreadOptions extends ThreadOverrides {
  /** Extra config values (dotted keys), applied like `-c` flags. */
  config?: Record<string, unknown> | null;
  ephemeral?: boolean;
  /** Client name for this thread's requests and rollout; default the manager's `originator`. */
  originator?: string;
}

/** What `build` prepares for every kind of thread creation. */
type ThreadParts = Omit<ThreadInit, "id" | "recorder" | "createdAt" | "forkedFromId" | "gitInfo" | "client"> & {
  makeClient(threadId: string): ModelClient;
};

/** Turns a `{ "a.b": value }` map into `-c` style overrides. */
function configOverrides(config: Record<string, unknown> | null | undefined): string[] {
  if (!config) return [];
  return Object.entries(config).map(([key, value]) => `${key}=${formatTomlValue(value as never)}`);
}

export class ThreadManager {
  private readonly threads = new Map<string, Thread>();
  private readonly env: NodeJS.ProcessEnv;

  constructor(private readonly options: ThreadManagerOptions) {
    this.env = options.env ?? process.env;
  }

  get codexHome(): string {
    return this.options.codexHome;
  }

  /** Loads the layered config for `cwd` with extra overrides. */
  async loadConfig(cwd: string, extra: Record<string, unknown> | null | undefined = undefined): Promise<LoadedConfig> {
    const base = this.options.configOptions ?? {};
    return loadConfig({
      codexHome: absolutePath(this.options.codexHome),
      cwd: absolutePath(resolve(cwd)),
      ...(base.systemConfigDir ? { systemConfigDir: absolutePath(base.systemConfigDir) } : {}),
      ...(base.profile ? { profile: base.profile } : {}),
      overrides: [...(base.overrides ?? []), ...configOverrides(extra)],
      ...(base.strict ? { strict: true } : {}),
      env: this.env,
    });
  }

  get(threadId: string): Thread | undefined {
    return this.threads.get(threadId);
  }

  loadedThreadIds(): string[] {
    return [...this.threads.keys()];
  }

  private async execPolicy(cwd: string): Promise<ExecPolicy | undefined> {
    if (this.options.ignoreRules) return undefined;
    const projectRoot = await findProjectRoot(cwd);
    return loadExecPolicy({
      directories: [join(this.options.codexHome, "rules"), join(projectRoot, ".codex", "rules")],
    });
  }

  private async build(
    cwd: string,
    start: StartThreadOptions,
    make: (parts: ThreadParts) => Promise<Thread>,
  ): Promise<Thread> {
    const loaded = await this.loadConfig(cwd, start.config);
    const config = await resolveThreadConfig(loaded, { ...start, cwd: resolve(start.cwd ?? cwd) }, this.env);
    const projectRoot = await findProjectRoot(config.cwd, config.projectRootMarkers);
    const instructions = await loadUserInstructions({
      codexHome: this.options.codexHome,
      cwd: config.cwd,
      projectRoot,
      ...(config.projectDocMaxBytes !== undefined ? { maxBytes: config.projectDocMaxBytes } : {}),
      fallbackFilenames: config.projectDocFallbackFilenames,
    });
    const makeClient = (threadId: string) =>
      new ModelClient({
        provider: config.provider,
        env: this.env,
        sessionId: threadId,
        clientVersion: this.options.cliVersion,
        originator: start.originator ?? this.options.originator,
        ...(this.options.auth ? { auth: this.options.auth } : {}),
        ...(this.options.logger ? { logger: this.options.logger } : {}),
      });
    const thread = await make({
      config,
      makeClient,
      env: this.env,
      execPolicy: await this.execPolicy(config.cwd),
      ...(this.options.mcp ? { mcp: this.options.mcp } : {}),
      userInstructions: instructions.text,
      instructionSources: instructions.sources.map((source) => source.path),
      source: this.options.source,
      cliVersion: this.options.cliVersion,
    });
    this.threads.set(thread.id, thread);
    return thread;
  }

  /** Starts a new thread, with a rollout file unless ephemeral. */
  async startThread(options: StartThreadOptions = {}): Promise<Thread> {
    const cwd = resolve(options.cwd ?? process.cwd());
    return this.build(cwd, options, async (parts) => {
      const git = await getGitInfo(parts.config.cwd).catch(() => undefined);
      const recorder = options.ephemeral
        ? null
        : await RolloutRecorder.create({
            codexHome: this.options.codexHome,
            cwd: parts.config.cwd,
            originator: options.originator ?? this.options.originator,
            cliVersion: this.options.cliVersion,
            source: this.options.source,
            modelProvider: parts.config.provider.id,
            baseInstructions: parts.config.baseInstructions,
            git: sessionGitInfo(git),
          });
      const id = recorder?.threadId ?? newThreadId();
      const { makeClient, ...rest } = parts;
      return new Thread({
        ...rest,
        id,
        client: makeClient(id),
        recorder,
        createdAt: Math.floor(Date.now() / 1000),
        forkedFromId: null,
        gitInfo: git ? { sha: git.commitHash ?? null, branch: git.branch ?? null, originUrl: git.repositoryUrl ?? null } : null,
      });
    });
  }

  /** Where a stored thread's rollout is; throws `ThreadNotFoundError`. */
  async rolloutPath(threadId: string): Promise<string> {
    let id: ThreadId;
    try {
      id = parseThreadId(threadId);
    } catch {
      throw new ThreadNotFoundError(`invalid thread id: ${threadId}`);
    }
    const path = await findRolloutByThreadId(this.options.codexHome, id);
    if (!path) throw new ThreadNotFoundError(`no rollout found for thread id ${threadId}`);
    return path;
  }

  /** Reopens a stored thread (or returns the loaded one), rebuilding its history from the rollout. */
  async resumeThread(target: { threadId?: string; path?: string }, options: StartThreadOptions = {}): Promise<Thread> {
    if (target.threadId && !target.path) {
      const loaded = this.threads.get(target.threadId);
      if (loaded) return loaded;
    }
    const path = target.path ?? (await this.rolloutPath(target.threadId ?? ""));
    const contents = await readRollout(path);
    if (!contents.meta) throw new ThreadNotFoundError(`${path} has no session_meta line`);
    const meta = contents.meta;
    const loaded = this.threads.get(meta.id);
    if (loaded) return loaded;
    const rebuilt = rebuildThread(contents.records, meta.cwd);
    const cwd = options.cwd ?? meta.cwd;
    return this.build(cwd, { ...options, cwd }, async (parts) => {
      const recorder = await RolloutRecorder.resume(path);
      const created = Date.parse(meta.timestamp);
      const { makeClient, ...rest } = parts;
      return new Thread({
        ...rest,
        id: meta.id,
        client: makeClient(meta.id),
        recorder,
        createdAt: Number.isNaN(created) ? Math.floor(Date.now() / 1000) : Math.floor(created / 1000),
        forkedFromId: meta.forked_from_id ?? null,
        gitInfo: meta.git
          ? { sha: meta.git.commit_hash ?? null, branch: meta.git.branch ?? null, originUrl: meta.git.repository_url ?? null }
          : null,
        history: rebuilt.history,
        turns: rebuilt.turns,
        name: rebuilt.name,
        tokenUsage: rebuilt.tokenUsage,
        lastTurnContext: rebuilt.lastTurnContext,
      });
    });
  }

  /** Copies a stored thread's rollout to a new thread id and loads the copy. */
  async forkThread(target: { threadId?: string; path?: string }, options: StartThreadOptions = {}): Promise<Thread> {
    // A running turn is not waited for (it may wait on the client): the copy holds what was recorded so far,
    // and its unfinished turn reads back as interrupted.
    const loaded = target.threadId ? this.threads.get(target.threadId) : undefined;
    const sourcePath = target.path ?? loaded?.path ?? (await this.rolloutPath(target.threadId ?? ""));
    const forked = await forkRollout({ codexHome: this.options.codexHome, sourcePath });
    return this.resumeThread({ path: forked.path }, options);
  }

  /** Shuts a loaded thread down and forgets it. */
  async unload(threadId: string): Promise<void> {
    const thread = this.threads.get(threadId);
    if (!thread) return;
    this.threads.delete(threadId);
    await thread.shutdown();
  }

  async shutdown(): Promise<void> {
    await Promise.all([...this.threads.keys()].map((id) => this.unload(id)));
  }
}
