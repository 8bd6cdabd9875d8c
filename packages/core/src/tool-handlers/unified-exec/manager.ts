import { randomInt } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { ManagedProcess } from "@codex-ts/process";
import { approxTokenCount, formattedTruncateText, tokensPolicy } from "@codex-ts/utils-string";
import { ToolCallError } from "../tool-call-error.js";
import {
  DEFAULT_MAX_BACKGROUND_TERMINAL_TIMEOUT_MS,
  DEFAULT_MAX_OUTPUT_TOKENS,
  MAX_UNIFIED_EXEC_SESSIONS,
  PROTECTED_RECENT_SESSIONS,
  UNIFIED_EXEC_ENV,
  WARNING_UNIFIED_EXEC_SESSIONS,
  execYieldTimeMs,
  writeStdinYieldTimeMs,
} from "./constants.js";
import { ExecSession } from "./exec-session.js";
import { sessionToPrune } from "./prune.js";

export interface LaunchRequest {
  argv: string[];
  cwd: string;
  tty: boolean;
  /** Variables to set on top of the turn's environment (`UNIFIED_EXEC_ENV`). */
  env: Readonly<Record<string, string>>;
}

/**
 * Starts the process for exec_command; the caller applies the sandbox and the environment. Return the process
 * as soon as it is started (output is read from then on). Without `tty`, give it no stdin (`stdin: "ignore"`):
 * write_stdin only talks to PTY sessions.
 */
export type Launcher = (request: LaunchRequest) => Promise<ManagedProcess>;

export interface UnifiedExecResult {
  /** Six random hex digits identifying this piece of output. */
  chunkId: string;
  wallTimeMs: number;
  /** The output as the model gets it: cut to `max_output_tokens` with a header when it was longer. */
  output: string;
  /** Everything collected during this call. */
  aggregatedOutput: string;
  /** Approximate tokens of `aggregatedOutput`. */
  originalTokenCount: number;
  /** Exit code once the process has exited, else null. */
  exitCode: number | null;
  /** Set while the process keeps running: pass it to write_stdin. */
  sessionId: number | null;
}

export interface ExecCommandParams {
  argv: string[];
  cwd: string;
  tty: boolean;
  yieldTimeMs?: number | undefined;
  maxOutputTokens?: number | undefined;
}

export interface WriteStdinParams {
  sessionId: number;
  chars?: string | undefined;
  yieldTimeMs?: number | undefined;
  maxOutputTokens?: number | undefined;
}

export interface UnifiedExecHooks {
  /** Output text as the call collects it (including output buffered since the previous call). */
  onOutput?(text: string): void;
  /**
   * execCommand: aborting during the first wait terminates the process and rejects with the signal's reason.
   * writeStdin: aborting stops waiting; the session keeps running.
   */
  signal?: AbortSignal;
}

export interface UnifiedExecManagerOptions {
  /** Sessions kept open before old ones are pruned; default 64. */
  maxSessions?: number;
  /** Most recently used sessions that pruning never picks; default 8. */
  protectedSessions?: number;
  /** Longest wait of an empty write_stdin (`background_terminal_max_timeout`); default 300 s. */
  maxBackgroundWaitMs?: number;
  /** Session ids: random 1000–99999 (default) or sequential from 1000 (for tests). */
  sessionIds?: "random" | "sequential";
  /** Told when many sessions are open and old ones are about to be pruned. */
  onWarning?(message: string): void;
}

/** Long-lived exec_command sessions, polled and fed through write_stdin. */
export class UnifiedExecManager {
  private readonly sessions = new Map<number, ExecSession>();
  private readonly reservedIds = new Set<number>();
  private readonly maxSessions: number;
  private readonly protectedSessions: number;
  private readonly maxBackgroundWaitMs: number;
  private readonly options: UnifiedExecManagerOptions;

  constructor(options: UnifiedExecManagerOptions = {}) {
    this.options = options;
    this.maxSessions = options.maxSessions ?? MAX_UNIFIED_EXEC_SESSIONS;
    this.protectedSessions = options.protectedSessions ?? PROTECTED_RECENT_SESSIONS;
    this.maxBackgroundWaitMs = options.maxBackgroundWaitMs ?? DEFAULT_MAX_BACKGROUND_TERMINAL_TIMEOUT_MS;
  }

  has(sessionId: number): boolean {
    return this.sessions.has(sessionId);
  }

  /** Ids of the sessions currently kept. */
  sessionIds(): number[] {
    return [...this.sessions.keys()];
  }

  async execCommand(params: ExecCommandParams, launcher: Launcher, hooks: UnifiedExecHooks = {}): Promise<UnifiedExecResult> {
    if (params.argv.length === 0) {
      throw new ToolCallError("exec_command failed: missing command line for unified exec request");
    }
    hooks.signal?.throwIfAborted();
    const id = this.allocateId();
    let process: ManagedProcess | undefined;
    let session: ExecSession | undefined;
    try {
      process = await launcher({ argv: [...params.argv], cwd: params.cwd, tty: params.tty, env: UNIFIED_EXEC_ENV });
      // Listen before anything else is awaited, so no early output is missed.
      session = new ExecSession(id, process, params.argv, params.tty);
      await process.spawned;
    } catch (error) {
      session?.dispose();
      this.reservedIds.delete(id);
      const reason = error instanceof Error ? error.message : String(error);
      throw new ToolCallError(`exec_command failed: Failed to create unified exec process: ${reason}`, { cause: error });
    }

    const start = performance.now();
    // Keep a live session before waiting, so it stays reachable even if this call is abandoned.
    if (process.running) this.store(session);

    const signal = hooks.signal;
    const onAbort = () => {
      this.remove(session);
      void process.terminate();
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    let collected: Awaited<ReturnType<ExecSession["collectUntil"]>>;
    try {
      collected = await session.collectUntil(start + execYieldTimeMs(params.yieldTimeMs), {
        ...(signal ? { signal } : {}),
        ...(hooks.onOutput ? { onText: hooks.onOutput } : {}),
      });
    } finally {
      signal?.removeEventListener("abort", onAbort);
    }
    if (signal?.aborted) throw signal.reason;
    return this.finish(session, collected, start, params.maxOutputTokens);
  }

  async writeStdin(params: WriteStdinParams, hooks: UnifiedExecHooks = {}): Promise<UnifiedExecResult> {
    const session = this.sessions.get(params.sessionId);
    if (!session) throw new ToolCallError(`write_stdin failed: Unknown process id ${params.sessionId}`);
    session.lastUsed = performance.now();
    const chars = params.chars ?? "";
    if (chars !== "") {
      if (!session.tty) {
        throw new ToolCallError(
          "write_stdin failed: stdin is closed for this session; rerun exec_command with tty=true to keep stdin open",
        );
      }
      try {
        await session.process.write(chars);
      } catch (error) {
        // A process that exited meanwhile is reported below with its exit code.
        if (session.process.running) {
          throw new ToolCallError("write_stdin failed: failed to write to stdin", { cause: error });
        }
      }
    }
    const start = performance.now();
    const deadline = start + writeStdinYieldTimeMs(params.yieldTimeMs, chars === "", this.maxBackgroundWaitMs);
    const collected = await session.collectUntil(deadline, {
      ...(hooks.signal ? { signal: hooks.signal } : {}),
      ...(hooks.onOutput ? { onText: hooks.onOutput } : {}),
    });
    return this.finish(session, collected, start, params.maxOutputTokens);
  }

  /** Kills every session's process and forgets the sessions. */
  async terminateAll(): Promise<void> {
    const sessions = [...this.sessions.values()];
    this.sessions.clear();
    this.reservedIds.clear();
    await Promise.all(
      sessions.map(async (session) => {
        session.dispose();
        await session.process.terminate().catch(() => {});
      }),
    );
  }

  private finish(
    session: ExecSession,
    collected: { bytes: Buffer; exited: boolean },
    start: number,
    maxOutputTokens: number | undefined,
  ): UnifiedExecResult {
    const wallTimeMs = performance.now() - start;
    const text = collected.bytes.toString("utf8");
    const failure = session.failureMessage;
    if (collected.exited) this.remove(session);
    if (failure !== undefined) throw new ToolCallError(`exec_command failed: ${failure}`);
    return {
      chunkId: generateChunkId(),
      wallTimeMs,
      output: formattedTruncateText(text, tokensPolicy(maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS)),
      aggregatedOutput: text,
      originalTokenCount: approxTokenCount(text),
      exitCode: collected.exited ? session.exitCode : null,
      sessionId: collected.exited ? null : session.id,
    };
  }

  private store(session: ExecSession): void {
    if (this.sessions.size >= this.maxSessions) {
      const victim = sessionToPrune([...this.sessions.values()], this.protectedSessions);
      if (victim) {
        this.remove(victim);
        void victim.process.terminate().catch(() => {});
      }
    }
    this.sessions.set(session.id, session);
    const count = this.sessions.size;
    if (count >= Math.min(WARNING_UNIFIED_EXEC_SESSIONS, this.maxSessions)) {
      this.options.onWarning?.(
        `${count} exec sessions are open; at most ${this.maxSessions} are kept and the least recently used ` +
          "ones are closed beyond that. Reuse or finish older sessions.",
      );
    }
  }

  private remove(session: ExecSession): void {
    if (this.sessions.get(session.id) === session) this.sessions.delete(session.id);
    this.reservedIds.delete(session.id);
    session.dispose();
  }

  private allocateId(): number {
    for (;;) {
      const id =
        this.options.sessionIds === "sequential"
          ? Math.max(999, ...this.reservedIds) + 1
          : randomInt(1_000, 100_000);
      if (this.reservedIds.has(id)) continue;
      this.reservedIds.add(id);
      return id;
    }
  }
}

/** Six random lowercase hex digits. */
export function generateChunkId(): string {
  return randomInt(0, 0x1000000).toString(16).padStart(6, "0");
}

/** The text exec_command and write_stdin return to the model. */
export function formatUnifiedExecResult(result: UnifiedExecResult): string {
  const sections: string[] = [];
  if (result.chunkId !== "") sections.push(`Chunk ID: ${result.chunkId}`);
  sections.push(`Wall time: ${(result.wallTimeMs / 1000).toFixed(4)} seconds`);
  if (result.exitCode !== null) sections.push(`Process exited with code ${result.exitCode}`);
  if (result.sessionId !== null) sections.push(`Process running with session ID ${result.sessionId}`);
  sections.push(`Original token count: ${result.originalTokenCount}`, "Output:", result.output);
  return sections.join("\n");
}
