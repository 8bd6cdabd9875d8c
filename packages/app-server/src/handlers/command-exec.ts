// `command/exec` and its follow-ups `command/exec/write`, `command/exec/resize` and `command/exec/terminate`:
// a command run outside any thread, under the sandbox, with streamed or captured output. Processes belong
// to the connection that started them and are killed when it closes.
import path from "node:path";
import type { CommandExecParams, CommandExecResponse, CommandExecTerminalSize } from "@codex-ts/app-server-protocol";
import { type ManagedProcess, ProcessError, ProcessSpawnError, exitStatusCode, startProcess } from "@codex-ts/process";
import { Base64DecodeError, decodeBase64Strict } from "./base64.js";
import { loadServerConfig, type ServerConfigSource, serverCwd } from "./config-loading.js";
import { ConnectionScoped } from "./connection-scoped.js";
import type { ConnectionHandle, RequestHandlers } from "./context.js";
import { SandboxSetupError, applyEnvOverrides, applyShellEnvironmentPolicy, sandboxedCommand } from "@codex-ts/core";
import { resolveSandboxPolicy } from "./exec-sandbox.js";
import { describeOsError, internal, invalidParams, invalidRequest } from "./rpc-errors.js";

/** Per-stream output limit when the request sets none (1 MiB, as upstream). */
export const DEFAULT_OUTPUT_BYTES_CAP = 1024 * 1024;
/** Timeout when the request sets none (10 s, as upstream). */
export const DEFAULT_EXEC_TIMEOUT_MS = 10_000;
/** Exit code reported for a command killed by its timeout. */
export const TIMEOUT_EXIT_CODE = 124;

interface ExecSession {
  /** Settles once the process has started (with it) or failed to start (with undefined). */
  started: Promise<ManagedProcess | undefined>;
  streamStdin: boolean;
}

/** The commands one connection is running, by client `processId` (or a generated key). */
class ConnectionExecs {
  readonly sessions = new Map<string, ExecSession>();
  /** Set when the connection closed: commands still starting are killed as soon as they start. */
  closed = false;
  private generated = 0;

  nextGeneratedKey(): string {
    this.generated += 1;
    // Client ids live in their own namespace: generated keys can never collide with them.
    return `\u0000generated:${this.generated}`;
  }

  async terminateAll(): Promise<void> {
    this.closed = true;
    const running = [...this.sessions.values()];
    await Promise.allSettled(running.map(async (session) => (await session.started)?.terminate()));
  }
}

function quoted(processId: string): string {
  return JSON.stringify(processId);
}

function terminalSize(size: CommandExecTerminalSize): { cols: number; rows: number } {
  if (size.rows === 0 || size.cols === 0) {
    throw invalidParams("command/exec size rows and cols must be greater than 0");
  }
  return { cols: size.cols, rows: size.rows };
}

/** Checks the parameter combinations upstream rejects, in upstream's order. */
function validate(params: CommandExecParams): void {
  if (params.command.length === 0) throw invalidRequest("command must not be empty");
  if (params.sandboxPolicy != null && params.permissionProfile != null) {
    throw invalidRequest("`permissionProfile` cannot be combined with `sandboxPolicy`");
  }
  if (params.size != null && params.tty !== true) throw invalidParams("command/exec size requires tty: true");
  if (params.disableOutputCap === true && params.outputBytesCap != null) {
    throw invalidParams("command/exec cannot set both outputBytesCap and disableOutputCap");
  }
  if (params.disableTimeout === true && params.timeoutMs != null) {
    throw invalidParams("command/exec cannot set both timeoutMs and disableTimeout");
  }
  if (params.timeoutMs != null && params.timeoutMs < 0) {
    throw invalidParams(`command/exec timeoutMs must be non-negative, got ${params.timeoutMs}`);
  }
}

interface StartOptions {
  tty: boolean;
  streamStdin: boolean;
  streamOutput: boolean;
  clientId: string | undefined;
  connection: ConnectionHandle;
}

/** Resolves cwd, environment and sandbox for a request and starts its process. */
async function startCommand(source: ServerConfigSource, params: CommandExecParams, options: StartOptions): Promise<ManagedProcess> {
  const workspace = serverCwd();
  const cwd = params.cwd == null ? workspace : path.resolve(workspace, params.cwd);
  const config = await loadServerConfig(source);
  const env = applyEnvOverrides(applyShellEnvironmentPolicy(source.env, config.config.shell_environment_policy), params.env);
  if (params.permissionProfile != null) {
    throw invalidRequest(
      `invalid permission profile: \`${params.permissionProfile}\` is not available; permission profiles are not supported by this server, use sandboxPolicy`,
    );
  }
  const policy = resolveSandboxPolicy(params.sandboxPolicy, config, workspace, source.env);
  const size = params.size == null ? undefined : terminalSize(params.size);
  const invocation = execInvocation(params.command, policy, { cwd, workspace, env });
  const { clientId, connection } = options;
  let child: ManagedProcess;
  try {
    child = startProcess({
      command: [invocation.program, ...invocation.args],
      cwd: invocation.cwd,
      baseEnv: invocation.env,
      tty: options.tty,
      ...(size !== undefined ? { size } : {}),
      stdin: options.streamStdin ? "pipe" : "ignore",
      outputBytesCap: params.disableOutputCap === true ? null : (params.outputBytesCap ?? DEFAULT_OUTPUT_BYTES_CAP),
      retainOutput: !options.streamOutput,
      timeoutMs: params.disableTimeout === true ? null : (params.timeoutMs ?? DEFAULT_EXEC_TIMEOUT_MS),
      ...(options.streamOutput && clientId !== undefined
        ? {
            onOutput: (stream, chunk, info) => {
              if (chunk.length === 0 && !info.capReached) return;
              connection.notify("command/exec/outputDelta", {
                processId: clientId,
                stream,
                deltaBase64: chunk.toString("base64"),
                capReached: info.capReached,
              });
            },
          }
        : {}),
    });
  } catch (error) {
    throw internal(`failed to spawn command: ${(error as Error).message}`);
  }
  try {
    await child.spawned;
  } catch (error) {
    const reason =
      error instanceof ProcessSpawnError && error.errno !== undefined ? describeOsError({ code: error.errno }) : (error as Error).message;
    throw internal(`failed to spawn command: ${reason}`);
  }
  return child;
}

type CommandExecHandlers = Pick<
  RequestHandlers,
  "command/exec" | "command/exec/write" | "command/exec/resize" | "command/exec/terminate"
>;

export function createCommandExecHandlers(source: ServerConfigSource): CommandExecHandlers {
  const execs = new ConnectionScoped<ConnectionExecs>(
    () => new ConnectionExecs(),
    (state) => state.terminateAll(),
  );

  /** The running process behind a client `processId`, once it has started. */
  const requireProcess = async (connection: ConnectionHandle, processId: string): Promise<{ session: ExecSession; child: ManagedProcess }> => {
    const session = execs.peek(connection)?.sessions.get(processId);
    const child = await session?.started;
    if (session === undefined || child === undefined) {
      throw invalidRequest(`no active command/exec for process id ${quoted(processId)}`);
    }
    if (!child.running) {
      throw invalidRequest(`command/exec ${quoted(processId)} is no longer running`);
    }
    return { session, child };
  };

  return {
    "command/exec": async (params, context) => {
      validate(params);
      const tty = params.tty === true;
      const streamStdin = tty || params.streamStdin === true;
      const streamOutput = tty || params.streamStdoutStderr === true;
      const clientId = params.processId ?? undefined;
      if (clientId === undefined && (tty || streamStdin || streamOutput)) {
        throw invalidRequest("command/exec tty or streaming requires a client-supplied processId");
      }
      // Reserve the id before anything asynchronous, so that follow-ups sent right after this request
      // find the command (they wait until it has started).
      const state = execs.get(context.connection);
      const key = clientId ?? state.nextGeneratedKey();
      if (state.sessions.has(key)) {
        throw invalidRequest(`duplicate active command/exec process id: ${quoted(key)}`);
      }
      let settleStart!: (process: ManagedProcess | undefined) => void;
      const session: ExecSession = {
        started: new Promise((resolve) => {
          settleStart = resolve;
        }),
        streamStdin,
      };
      state.sessions.set(key, session);
      const release = (): void => {
        if (state.sessions.get(key) === session) state.sessions.delete(key);
      };

      let child: ManagedProcess;
      try {
        child = await startCommand(source, params, { streamStdin, streamOutput, tty, clientId, connection: context.connection });
      } catch (error) {
        release();
        settleStart(undefined);
        throw error;
      }
      settleStart(child);
      if (state.closed) void child.terminate().catch(() => undefined);
      try {
        const result = await child.exited;
        const response: CommandExecResponse = {
          exitCode: result.timedOut ? TIMEOUT_EXIT_CODE : exitStatusCode(result),
          stdout: streamOutput ? "" : result.stdout.toString("utf8"),
          stderr: streamOutput ? "" : result.stderr.toString("utf8"),
        };
        return response;
      } finally {
        release();
      }
    },

    "command/exec/write": async (params, context) => {
      if (params.deltaBase64 == null && params.closeStdin !== true) {
        throw invalidParams("command/exec/write requires deltaBase64 or closeStdin");
      }
      let delta: Buffer = Buffer.alloc(0);
      if (params.deltaBase64 != null) {
        try {
          delta = decodeBase64Strict(params.deltaBase64);
        } catch (error) {
          if (error instanceof Base64DecodeError) throw invalidParams(`invalid deltaBase64: ${error.message}`);
          throw error;
        }
      }
      const { session, child } = await requireProcess(context.connection, params.processId);
      if (!session.streamStdin) {
        throw invalidRequest("stdin streaming is not enabled for this command/exec");
      }
      try {
        if (delta.length > 0) await child.write(delta);
        if (params.closeStdin === true) child.closeStdin();
      } catch (error) {
        if (error instanceof ProcessError && error.code === "PROCESS_STDIN_CLOSED") {
          throw invalidRequest("stdin is already closed");
        }
        if (error instanceof ProcessError && error.code === "PROCESS_NOT_RUNNING") {
          throw invalidRequest(`command/exec ${quoted(params.processId)} is no longer running`);
        }
        throw invalidRequest(`failed to write to command/exec ${quoted(params.processId)}: ${(error as Error).message}`);
      }
      return {};
    },

    "command/exec/resize": async (params, context) => {
      const size = terminalSize(params.size);
      const { child } = await requireProcess(context.connection, params.processId);
      try {
        child.resize(size.cols, size.rows);
      } catch (error) {
        throw invalidRequest(`failed to resize PTY: ${(error as Error).message}`);
      }
      return {};
    },

    "command/exec/terminate": async (params, context) => {
      const { child } = await requireProcess(context.connection, params.processId);
      // The command/exec response reports the end; this only starts the kill.
      void child.terminate().catch(() => undefined);
      return {};
    },
  };
}

/** The program to spawn under the sandbox; setup failures are internal errors, never an unsandboxed run. */
function execInvocation(
  command: readonly string[],
  policy: Parameters<typeof sandboxedCommand>[1],
  options: Parameters<typeof sandboxedCommand>[2],
) {
  if (command.length === 0) throw invalidRequest("command must not be empty");
  try {
    return sandboxedCommand(command, policy, options);
  } catch (error) {
    if (error instanceof SandboxSetupError) throw internal(`exec failed: ${error.message}`);
    throw error;
  }
}
