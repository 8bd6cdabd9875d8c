import { basename } from "node:path";
import { type ThreadId, parseThreadId } from "@codex-ts/protocol";
import { rolloutPathsNewestFirst } from "./list.js";
import { parseRolloutFileName } from "./paths.js";

export interface FindRolloutOptions {
  /** Also look in `archived_sessions/` (after `sessions/`); default true. */
  includeArchived?: boolean;
}

/** Path of the rollout of `threadId`, or undefined when there is none. Throws `InvalidThreadIdError` for a non-UUID. */
export async function findRolloutByThreadId(
  codexHome: string,
  threadId: string,
  options: FindRolloutOptions = {},
): Promise<string | undefined> {
  const wanted: ThreadId = parseThreadId(threadId);
  const places = options.includeArchived === false ? [false] : [false, true];
  for (const archived of places) {
    for await (const path of rolloutPathsNewestFirst(codexHome, archived)) {
      if (parseRolloutFileName(basename(path))?.threadId === wanted) return path;
    }
  }
  return undefined;
}
