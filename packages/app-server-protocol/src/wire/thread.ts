// Threads: a conversation with the agent, its status, where it came from and where it lives.
import type { ReasoningEffort } from "./reasoning.js";
import type { AbsolutePathBuf, Int32, Int64 } from "./scalars.js";
import type { Turn } from "./turn.js";

/** Why an active thread is waiting. */
export type ThreadActiveFlag = "waitingOnApproval" | "waitingOnUserInput";

/** Whether a thread is loaded and what it is doing. Tagged by `type`. */
export type ThreadStatus =
  | { type: "notLoaded" }
  | { type: "idle" }
  | { type: "systemError" }
  | { type: "active"; activeFlags: ThreadActiveFlag[] };

/** A thread id. */
export type ThreadId = string;

/** Path of a sub-agent in its agent tree. */
export type AgentPath = string;

/** Why a sub-agent thread exists (snake_case on the wire). */
export type SubAgentSource =
  | "review"
  | "compact"
  | "memory_consolidation"
  | {
      thread_spawn: {
        parent_thread_id: ThreadId;
        depth: Int32;
        agent_path?: AgentPath | null;
        agent_nickname?: string | null;
        agent_role?: string | null;
      };
    }
  | { other: string };

/** The kind of client or process that created a thread. */
export type SessionSource =
  | "cli"
  | "vscode"
  | "exec"
  | "appServer"
  | "unknown"
  | { custom: string }
  | { subAgent: SubAgentSource };

/** Filter values of `thread/list.sourceKinds`. */
export type ThreadSourceKind =
  | "cli"
  | "vscode"
  | "exec"
  | "appServer"
  | "subAgent"
  | "subAgentReview"
  | "subAgentCompact"
  | "subAgentThreadSpawn"
  | "subAgentOther"
  | "unknown";

/** Who a thread was started for, such as `user` or `subagent`. */
export type ThreadSource = string;

/** Why a thread was started from a client session. */
export type ThreadStartSource = "startup" | "clear";

/** How a thread's history is stored. */
export type ThreadHistoryMode = "legacy" | "paginated";

/** Git state of the working directory a thread was started in. */
export interface GitInfo {
  sha?: string | null;
  branch?: string | null;
  originUrl?: string | null;
}

export interface ThreadSectionAppearance {
  color?: string | null;
  icon?: string | null;
}

/** A sidebar section a thread is filed under. */
export interface ThreadSection {
  id: string;
  name: string;
  appearance?: ThreadSectionAppearance | null;
}

/** A thread as clients see it. */
export interface Thread {
  id: string;
  /** Id of the session (rollout) the thread is recorded in. */
  sessionId: string;
  /** Project the thread belongs to, if any. */
  projectId: string | null;
  /** The thread this one was forked from. */
  forkedFromId?: string | null;
  /** The thread that spawned this one, for sub-agent threads. */
  parentThreadId?: string | null;
  /** Start of the first user message. */
  preview: string;
  /** Not recorded on disk. */
  ephemeral: boolean;
  model?: string | null;
  modelProvider: string;
  reasoningEffort?: ReasoningEffort | null;
  /** Unix seconds. */
  createdAt: Int64;
  /** Unix seconds. */
  updatedAt: Int64;
  /** Unix seconds of the last activity that counts for sorting by recency. */
  recencyAt?: Int64 | null;
  status: ThreadStatus;
  /** Rollout file of the thread; null for ephemeral threads. */
  path?: string | null;
  cwd: AbsolutePathBuf;
  /** Version of the program that created the thread. */
  cliVersion: string;
  /** Name of the client that created the thread. */
  originator?: string | null;
  source: SessionSource;
  threadSource?: ThreadSource | null;
  agentNickname?: string | null;
  agentRole?: string | null;
  gitInfo?: GitInfo | null;
  /** Name given with `thread/name/set`. */
  name?: string | null;
  /** Defaults to `legacy`. */
  historyMode?: ThreadHistoryMode;
  section?: ThreadSection | null;
  /** Unix seconds. */
  sectionEnteredAt?: Int64 | null;
  /** Filled only by the methods that load history (`thread/resume`, `thread/fork`, `thread/read` with turns). */
  turns: Turn[];
}
