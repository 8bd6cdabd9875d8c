import { type FileHandle, mkdir, open } from "node:fs/promises";
import { join, resolve } from "node:path";
import {
  type RolloutItem,
  type RolloutLine,
  type SessionGitInfo,
  type SessionMeta,
  type SessionSource,
  type ThreadId,
  type UnknownRolloutLine,
  newThreadId,
} from "@codex-ts/protocol";
import { RolloutError } from "./errors.js";
import { rolloutFileName, sessionDayDir } from "./paths.js";
import { readRollout } from "./reader.js";

/** What a new rollout's `session_meta` line says. */
export interface NewRolloutOptions {
  codexHome: string;
  /** Working directory of the session; resolved to an absolute path. */
  cwd: string;
  /** The client that starts the session, e.g. `codex_cli_rs`. */
  originator: string;
  cliVersion: string;
  source: SessionSource;
  modelProvider?: string;
  /** Base instructions, stored as `base_instructions: {text}`. */
  baseInstructions?: string;
  /** Defaults to a new UUID v7. */
  threadId?: ThreadId;
  forkedFromId?: ThreadId;
  /**
   * Git facts of `cwd`, recorded as `git`; omitted or `null` records none. Callers look them up with git-utils'
   * `getGitInfo(cwd)` and convert them with `sessionGitInfo` (rollout sits beside git-utils, so it cannot import it).
   */
  git?: SessionGitInfo | null;
  /** Clock, for tests. */
  now?: () => Date;
}

/** Options for appending to an existing rollout. */
export interface ResumeRolloutOptions {
  now?: () => Date;
}

/**
 * Appends one JSON object per line to a rollout file. Every `record*` call resolves only after its lines were
 * handed to the operating system in one append, so a crash of this process afterwards loses none of them.
 * Calls are written in call order.
 */
export class RolloutRecorder {
  private tail: Promise<void> = Promise.resolve();
  private closed = false;

  private constructor(
    readonly path: string,
    readonly threadId: ThreadId,
    private readonly handle: FileHandle,
    private readonly now: () => Date,
  ) {}

  /** Creates `sessions/YYYY/MM/DD/rollout-<stamp>-<id>.jsonl` and writes its `session_meta` line. */
  static async create(options: NewRolloutOptions): Promise<RolloutRecorder> {
    const now = options.now ?? (() => new Date());
    const createdAt = now();
    const threadId = options.threadId ?? newThreadId(createdAt.getTime());
    const cwd = resolve(options.cwd);
    const git = options.git;
    // Key order follows upstream's files.
    const meta: SessionMeta = {
      id: threadId,
      ...(options.forkedFromId !== undefined ? { forked_from_id: options.forkedFromId } : {}),
      timestamp: createdAt.toISOString(),
      cwd,
      originator: options.originator,
      cli_version: options.cliVersion,
      source: options.source,
      ...(options.modelProvider !== undefined ? { model_provider: options.modelProvider } : {}),
      ...(options.baseInstructions !== undefined ? { base_instructions: { text: options.baseInstructions } } : {}),
      ...(git ? { git } : {}),
    };

    const dir = sessionDayDir(options.codexHome, createdAt);
    await mkdir(dir, { recursive: true });
    const path = join(dir, rolloutFileName(createdAt, threadId));
    let handle: FileHandle;
    try {
      handle = await open(path, "wx");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") {
        throw new RolloutError("already_exists", `A rollout for thread ${threadId} already exists at ${path}.`);
      }
      throw error;
    }
    const recorder = new RolloutRecorder(path, threadId, handle, now);
    await recorder.append(line(createdAt.toISOString(), { type: "session_meta", payload: meta }));
    return recorder;
  }

  /** Opens an existing rollout to keep appending to it (resume keeps the same file). */
  static async resume(path: string, options: ResumeRolloutOptions = {}): Promise<RolloutRecorder> {
    const contents = await readRollout(path);
    if (!contents.meta) {
      throw new RolloutError("missing_session_meta", `${path} has no session_meta line, so it cannot be resumed.`);
    }
    const handle = await open(path, "a");
    const recorder = new RolloutRecorder(path, contents.meta.id as ThreadId, handle, options.now ?? (() => new Date()));
    if (contents.truncatedTail) {
      // Terminate the partial line a crash left behind so the next record starts on its own line.
      await recorder.append("\n");
    }
    return recorder;
  }

  /** Appends items, each stamped with the current time. */
  async record(...items: RolloutItem[]): Promise<void> {
    const timestamp = this.now().toISOString();
    await this.append(items.map((item) => line(timestamp, item)).join(""));
  }

  /** Appends complete lines verbatim (e.g. copied from another rollout), unknown ones included. */
  async recordLines(lines: ReadonlyArray<RolloutLine | UnknownRolloutLine>): Promise<void> {
    await this.append(lines.map((line) => `${JSON.stringify(line)}\n`).join(""));
  }

  /** Waits for pending writes and closes the file. Later `record` calls fail with `recorder_closed`. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.tail;
    await this.handle.close();
  }

  private append(text: string): Promise<void> {
    if (this.closed) {
      return Promise.reject(new RolloutError("recorder_closed", `The recorder for ${this.path} is closed.`));
    }
    if (text.length === 0) return this.tail;
    const write = this.tail.then(() => this.handle.appendFile(text, "utf8"));
    this.tail = write.catch(() => undefined);
    return write;
  }
}

function line(timestamp: string, item: RolloutItem): string {
  return `${JSON.stringify({ timestamp, type: item.type, payload: item.payload })}\n`;
}

/** Git facts in git-utils' `GitInfo` shape (camelCase), as `getGitInfo` returns them. */
export interface GitInfoLike {
  commitHash?: string;
  branch?: string;
  repositoryUrl?: string;
}

/** Converts git-utils' `GitInfo` to the rollout spelling; undefined (not a repository) becomes `null`. */
export function sessionGitInfo(info: GitInfoLike | undefined | null): SessionGitInfo | null {
  if (!info) return null;
  const git: SessionGitInfo = {};
  if (info.commitHash) git.commit_hash = info.commitHash;
  if (info.branch) git.branch = info.branch;
  if (info.repositoryUrl) git.repository_url = info.repositoryUrl;
  return git;
}
