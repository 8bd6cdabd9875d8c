import type { ThreadId } from "@codex-ts/protocol";
import { RolloutError } from "./errors.js";
import { readRollout } from "./reader.js";
import { RolloutRecorder } from "./recorder.js";

export interface ForkRolloutOptions {
  codexHome: string;
  /** The rollout to copy from. */
  sourcePath: string;
  /**
   * Copy the records before this index of `readRollout(sourcePath).records` (index 0 is the `session_meta` line);
   * default: all of them.
   */
  upToIndex?: number;
  /** Id of the new thread; default a new UUID v7. */
  threadId?: ThreadId;
  now?: () => Date;
}

/**
 * Starts a new thread whose rollout holds the source's history up to a point: a fresh `session_meta` (new id,
 * `forked_from_id` = the source's id, the source's cwd, originator, version, source, provider, instructions and git),
 * then the source's lines verbatim, unknown ones included. Returns the new rollout's path and id.
 */
export async function forkRollout(options: ForkRolloutOptions): Promise<{ path: string; threadId: ThreadId }> {
  const source = await readRollout(options.sourcePath);
  const meta = source.meta;
  if (!meta) {
    throw new RolloutError("missing_session_meta", `${options.sourcePath} has no session_meta line, so it cannot be forked.`);
  }
  const upTo = options.upToIndex ?? source.records.length;
  if (!Number.isInteger(upTo) || upTo < 0 || upTo > source.records.length) {
    throw new RolloutError(
      "bad_fork_point",
      `Fork point ${upTo} is outside ${options.sourcePath}, which has ${source.records.length} records.`,
    );
  }
  const recorder = await RolloutRecorder.create({
    codexHome: options.codexHome,
    cwd: meta.cwd,
    originator: meta.originator,
    cliVersion: meta.cli_version,
    source: meta.source,
    ...(meta.model_provider ? { modelProvider: meta.model_provider } : {}),
    ...(meta.base_instructions ? { baseInstructions: meta.base_instructions.text } : {}),
    git: meta.git ?? null,
    forkedFromId: meta.id as ThreadId,
    ...(options.threadId ? { threadId: options.threadId } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  try {
    const lines = source.records.slice(0, upTo).filter((record) => record.line.type !== "session_meta");
    await recorder.recordLines(lines.map((record) => record.line));
  } finally {
    await recorder.close();
  }
  return { path: recorder.path, threadId: recorder.threadId };
}
