// `codex exec`: one turn on an in-process app-server, printed as JSONL events or as readable progress.
import { readFile, stat, writeFile } from "node:fs/promises";
import { constants } from "node:os";
import { resolve } from "node:path";
import { ExitCode } from "../../exit-codes.js";
import type { CliIo } from "../../io.js";
import { CLI_VERSION } from "../../version.js";
import { type ExecEvent, ExecEventMapper } from "./exec-events.js";
import { HumanOutput } from "./human-output.js";

export interface ExecRunOptions {
  prompt: string;
  images: string[];
  json: boolean;
  outputLastMessage?: string;
  outputSchema?: string;
  model?: string;
  sandbox?: "read-only" | "workspace-write" | "danger-full-access";
  approvalPolicy?: string;
  cwd: string;
  addDirs: string[];
  skipGitRepoCheck: boolean;
  oss: boolean;
  localProvider?: string;
  ephemeral: boolean;
  /** `-c` flags (feature toggles and profile already folded in). */
  configOverrides: string[];
  /** Resume this thread instead of starting one (`exec resume`). */
  resume?: { threadId?: string; last: boolean; all: boolean };
}

const EXIT_SIGNALS: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

export class ExecUsageError extends Error {}
export class ExecFatalError extends Error {}

interface ClientLike {
  request(method: string, params: unknown): Promise<unknown>;
  onNotification(method: string, listener: (params: never) => void): () => void;
  onServerRequest(method: string, handler: (params: unknown) => unknown): () => void;
  close(): Promise<void>;
}

const API_KEY_HELP =
  "Missing API key: set the OPENAI_API_KEY environment variable (or CODEX_API_KEY for `codex exec`), or add the key to $CODEX_HOME/auth.json as OPENAI_API_KEY.";

/** Reads the API key sources exec supports; returns the environment the server should see. */
async function serverEnvironment(io: CliIo, codexHome: string): Promise<NodeJS.ProcessEnv> {
  const env = { ...io.env };
  const codexKey = env["CODEX_API_KEY"];
  if (codexKey && !env["OPENAI_API_KEY"]) env["OPENAI_API_KEY"] = codexKey;
  if (!env["OPENAI_API_KEY"]) {
    try {
      const auth = JSON.parse(await readFile(resolve(codexHome, "auth.json"), "utf8")) as { OPENAI_API_KEY?: unknown };
      if (typeof auth.OPENAI_API_KEY === "string" && auth.OPENAI_API_KEY !== "") env["OPENAI_API_KEY"] = auth.OPENAI_API_KEY;
    } catch {
      // no stored key
    }
  }
  return env;
}

/** Checks before any thread exists: trusted directory, credentials, local server for --oss. */
async function preflight(options: ExecRunOptions, io: CliIo, env: NodeJS.ProcessEnv, codexHome: string): Promise<{ provider?: string; model?: string }> {
  const [{ loadConfig }, { absolutePath }, modelClient] = await Promise.all([
    import("@codex-ts/config"),
    import("@codex-ts/utils-absolute-path"),
    import("@codex-ts/model-client"),
  ]);
  const isDirectory = await stat(options.cwd).then((info) => info.isDirectory(), () => false);
  if (!isDirectory) throw new ExecFatalError(`The working directory ${options.cwd} does not exist or is not a directory.`);
  const loaded = await loadConfig({ codexHome: absolutePath(codexHome), cwd: absolutePath(options.cwd), overrides: options.configOverrides, env });
  for (const warning of loaded.warnings) io.stderr(`warning: ${warning.summary}\n`);
  if (!options.skipGitRepoCheck) {
    const { isInsideGitRepo } = await import("@codex-ts/git-utils");
    const trusted = Object.entries(loaded.config.projects ?? {}).some(
      ([path, project]) => (project as { trust_level?: string }).trust_level === "trusted" && resolve(options.cwd).startsWith(resolve(path)),
    );
    if (!trusted && !isInsideGitRepo(options.cwd)) {
      throw new ExecFatalError("Not inside a trusted directory and --skip-git-repo-check was not specified.");
    }
  }
  let providerId = loaded.config.model_provider;
  let model: string | undefined;
  if (options.oss) {
    const oss = modelClient.resolveOssProvider({
      ...(options.localProvider ? { ossProvider: options.localProvider as "ollama" | "lmstudio" } : {}),
      config: loaded.config,
      env,
    });
    await modelClient.checkOssServer(oss.provider);
    providerId = oss.id;
    model = oss.defaultModel;
  }
  const provider = modelClient.resolveProvider({ ...loaded.config, ...(providerId ? { model_provider: providerId } : {}) }, env);
  try {
    modelClient.providerApiKey(provider, env);
  } catch (error) {
    if (error instanceof modelClient.MissingEnvVarError) {
      throw new ExecFatalError(provider.id === "openai" ? API_KEY_HELP : error.message);
    }
    throw error;
  }
  return { ...(options.oss && providerId ? { provider: providerId } : {}), ...(model ? { model } : {}) };
}

export async function runExec(options: ExecRunOptions, io: CliIo): Promise<number> {
  // A run validates a handful of messages: interpreting schemas is cheaper than compiling them first.
  (await import("zod")).z.config({ jitless: true });
  const { resolveCodexHome } = await import("@codex-ts/config");
  const codexHome = await resolveCodexHome({ env: io.env });
  const env = await serverEnvironment(io, codexHome);
  const chosen = await preflight(options, io, env, codexHome);
  for (const image of options.images) {
    const path = resolve(options.cwd, image);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) throw new ExecFatalError(`image file not found: ${path}`);
  }

  let outputSchema: unknown;
  if (options.outputSchema) {
    try {
      outputSchema = JSON.parse(await readFile(resolve(options.cwd, options.outputSchema), "utf8"));
    } catch (error) {
      throw new ExecUsageError(`cannot read --output-schema ${options.outputSchema}: ${(error as Error).message}`);
    }
  }

  const [{ createAppServer }, { connectInProcess }] = await Promise.all([
    import("@codex-ts/app-server"),
    import("@codex-ts/app-server-client"),
  ]);
  const server = createAppServer({
    codexHome,
    configOverrides: options.configOverrides,
    env,
    serverVersion: CLI_VERSION,
    sessionSource: "exec",
  });
  const client = connectInProcess(server) as unknown as ClientLike & {
    initialize(params: unknown): Promise<unknown>;
  };
  const emit = (event: ExecEvent) => {
    if (options.json) io.stdout(`${JSON.stringify(event)}\n`);
  };
  const human = options.json ? undefined : new HumanOutput(io);
  const mapper = new ExecEventMapper();
  let interruptedBy: NodeJS.Signals | undefined;
  try {
    await client.initialize({ clientInfo: { name: "codex_exec", title: "Codex Exec", version: CLI_VERSION } });
    // Nobody can answer an approval in a non-interactive run.
    client.onServerRequest("item/commandExecution/requestApproval", () => ({ decision: "decline" }));
    client.onServerRequest("item/fileChange/requestApproval", () => ({ decision: "decline" }));

    const threadParams = {
      cwd: options.cwd,
      ...(options.model ?? chosen.model ? { model: options.model ?? chosen.model } : {}),
      ...(chosen.provider ? { modelProvider: chosen.provider } : {}),
      ...(options.sandbox ? { sandbox: options.sandbox } : {}),
      // Nobody can answer approvals here, so `never` unless asked for with `-c approval_policy=...`
      // (as the SDK does); the server applies that override itself.
      ...(options.approvalPolicy !== undefined || !overridesApprovalPolicy(options.configOverrides)
        ? { approvalPolicy: options.approvalPolicy ?? "never" }
        : {}),
      ...(options.addDirs.length > 0
        ? { config: { "sandbox_workspace_write.writable_roots": options.addDirs.map((dir) => resolve(options.cwd, dir)) } }
        : {}),
    };
    let started: { thread: { id: string; path?: string | null }; model: string; cwd: string; sandbox: { type: string }; approvalPolicy: unknown };
    if (options.resume) {
      const threadId = options.resume.threadId ?? (await latestThreadId(client, options));
      started = (await client.request("thread/resume", { ...threadParams, threadId })) as typeof started;
    } else {
      started = (await client.request("thread/start", { ...threadParams, ...(options.ephemeral ? { ephemeral: true } : {}) })) as typeof started;
    }
    const threadId = started.thread.id;
    emit({ type: "thread.started", thread_id: threadId });
    human?.header({ model: started.model, cwd: started.cwd, sandbox: started.sandbox.type, approval: String(started.approvalPolicy), threadId });

    const finished = new Promise<{ status: string; error: string | null }>((resolveTurn) => {
      client.onNotification("turn/started", () => {
        emit({ type: "turn.started" });
      });
      client.onNotification("item/started", (params: { item: never }) => {
        for (const event of mapper.itemStarted(params.item)) emit(event);
        human?.itemStarted(params.item);
      });
      client.onNotification("item/completed", (params: { item: never }) => {
        for (const event of mapper.itemCompleted(params.item)) emit(event);
        human?.itemCompleted(params.item);
      });
      client.onNotification("turn/plan/updated", (params: { plan: Array<{ step: string; status: string }> }) => {
        for (const event of mapper.planUpdated(params.plan)) emit(event);
        human?.plan(params.plan);
      });
      client.onNotification("thread/tokenUsage/updated", (params: { tokenUsage: { total: never } }) => {
        mapper.tokenUsage(params.tokenUsage.total);
        human?.usage(params.tokenUsage.total);
      });
      client.onNotification("error", (params: { error: { message: string }; willRetry: boolean }) => {
        if (params.willRetry) {
          for (const event of mapper.nonFatalError(params.error.message)) emit(event);
        } else {
          emit({ type: "error", message: params.error.message });
        }
        human?.error(params.error.message, params.willRetry);
      });
      client.onNotification("turn/completed", (params: { turn: { status: string; error: { message: string } | null } }) => {
        resolveTurn({ status: params.turn.status, error: params.turn.error?.message ?? null });
      });
    });

    const input = [
      { type: "text", text: options.prompt },
      ...options.images.map((path) => ({ type: "localImage", path: resolve(options.cwd, path) })),
    ];
    human?.prompt(options.prompt);
    // Listen before the turn starts: the model may already be working when turn/start answers.
    let turnId: string | undefined;
    const interrupt = () => {
      if (turnId !== undefined) void client.request("turn/interrupt", { threadId, turnId }).catch(() => undefined);
    };
    // Ctrl-C, and a polite kill or hang-up too: interrupt the turn so its commands are killed, then exit.
    const onSignal = (signal: NodeJS.Signals) => {
      interruptedBy ??= signal;
      interrupt();
    };
    for (const signal of EXIT_SIGNALS) process.once(signal, onSignal);
    let result: { status: string; error: string | null };
    try {
      const turn = (await client.request("turn/start", {
        threadId,
        input,
        ...(outputSchema !== undefined ? { outputSchema } : {}),
      })) as { turn: { id: string } };
      turnId = turn.turn.id;
      if (interruptedBy !== undefined) interrupt();
      result = await finished;
    } finally {
      for (const signal of EXIT_SIGNALS) process.off(signal, onSignal);
    }
    for (const event of mapper.turnCompleted(result.status, result.error)) emit(event);
    if (options.outputLastMessage) {
      await writeFile(resolve(options.cwd, options.outputLastMessage), mapper.lastAgentMessage ?? "", "utf8");
    }
    human?.finish(mapper.lastAgentMessage, result.status, result.error);
    if (result.status === "completed") return ExitCode.success;
    // Like a shell: 128 + the signal number (130 for Ctrl-C).
    return interruptedBy !== undefined ? 128 + (constants.signals[interruptedBy] ?? 2) : ExitCode.failure;
  } finally {
    await client.close().catch(() => undefined);
    await server.shutdown({ graceMs: 1000 });
  }
}

function overridesApprovalPolicy(overrides: readonly string[]): boolean {
  return overrides.some((override) => /^\s*approval_policy\s*=/.test(override));
}

async function latestThreadId(client: ClientLike, options: ExecRunOptions): Promise<string> {
  const page = (await client.request("thread/list", {
    limit: 1,
    ...(options.resume?.all ? {} : { cwd: options.cwd }),
  })) as { data: Array<{ id: string }> };
  const first = page.data[0];
  if (!first) throw new ExecFatalError("No previous session found to resume.");
  return first.id;
}
