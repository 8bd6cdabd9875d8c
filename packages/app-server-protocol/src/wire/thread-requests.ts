// Thread methods: `thread/start`, `thread/resume`, `thread/fork`, `thread/list`, `thread/read`,
// `thread/archive`, `thread/unarchive`, `thread/name/set`, `thread/loaded/list`, `thread/compact/start`.
import type { LegacyAppPathString } from "./config-requirements-managed.js";
import type { ReasoningEffort } from "./reasoning.js";
import type { ApprovalsReviewer, AskForApproval, SandboxMode, SandboxPolicy } from "./sandbox.js";
import type { AbsolutePathBuf, JsonValue, UInt32 } from "./scalars.js";
import type { Thread, ThreadSource, ThreadSourceKind, ThreadStartSource } from "./thread.js";

/** Tone of the agent's messages. */
export type Personality = "none" | "friendly" | "pragmatic";

/** Collaboration mode presets. */
export type ModeKind = "plan" | "default";

/** Model settings of a collaboration mode (snake_case on the wire). */
export interface Settings {
  model: string;
  reasoning_effort?: ReasoningEffort | null;
  developer_instructions?: string | null;
}

/** A collaboration mode and its settings. */
export interface CollaborationMode {
  mode: ModeKind;
  settings: Settings;
}

/** Settings a client may override when it starts, resumes or forks a thread; omitted ones come from config. */
export interface ThreadOverrides {
  model?: string | null;
  modelProvider?: string | null;
  /** Service tier; null clears the configured one. */
  serviceTier?: string | null;
  /** Working directory; the server's own when omitted. */
  cwd?: string | null;
  approvalPolicy?: AskForApproval | null;
  approvalsReviewer?: ApprovalsReviewer | null;
  sandbox?: SandboxMode | null;
  /** Config overrides as dotted keys (`{"model_reasoning_effort": "high"}`). */
  config?: { [key: string]: JsonValue } | null;
  /** Replaces the built-in instructions. */
  baseInstructions?: string | null;
  /** Extra developer instructions. */
  developerInstructions?: string | null;
}

/** Start a new thread. The connection is subscribed to it and `thread/started` follows. */
export interface ThreadStartParams extends ThreadOverrides {
  personality?: Personality | null;
  /** Do not record the thread on disk. */
  ephemeral?: boolean | null;
  /** Name of the service the thread runs for, recorded with it. */
  serviceName?: string | null;
  sessionStartSource?: ThreadStartSource | null;
  threadSource?: ThreadSource | null;
  /**
   * Also send raw model response items as notifications.
   * @experimental
   */
  experimentalRawEvents?: boolean;
  /**
   * Record the extended event history needed to rebuild every item on resume.
   * @experimental
   */
  persistExtendedHistory?: boolean;
}

/** The thread and the settings it runs with. */
export interface ThreadSessionResponse {
  thread: Thread;
  model: string;
  modelProvider: string;
  serviceTier?: string | null;
  cwd: AbsolutePathBuf;
  /** Instruction files (AGENTS.md, ...) in effect. Defaults to none. */
  instructionSources?: LegacyAppPathString[];
  approvalPolicy: AskForApproval;
  approvalsReviewer: ApprovalsReviewer;
  sandbox: SandboxPolicy;
  reasoningEffort?: ReasoningEffort | null;
  /** Plugins disabled for this thread. Defaults to none. */
  disabledPluginIds?: string[];
}

export type ThreadStartResponse = ThreadSessionResponse;

/** Reopen a stored or running thread and subscribe to it. */
export interface ThreadResumeParams extends ThreadOverrides {
  threadId: string;
  personality?: Personality | null;
  /** Leave `thread.turns` empty. */
  excludeTurns?: boolean;
  /**
   * Rollout file to resume from instead of looking the thread up by id.
   * @experimental
   */
  path?: string | null;
}

export interface ThreadResumeResponse extends ThreadSessionResponse {
  collaborationMode?: CollaborationMode | null;
  itemsBackwardsCursor?: string | null;
  turnsBackwardsCursor?: string | null;
}

/** Copy a thread's history into a new thread. `thread/started` follows. */
export interface ThreadForkParams extends ThreadOverrides {
  threadId: string;
  /** Fork at the end of this turn instead of the end of the thread. */
  lastTurnId?: string | null;
  ephemeral?: boolean;
  threadSource?: ThreadSource | null;
  /** Leave `thread.turns` empty. */
  excludeTurns?: boolean;
  /**
   * Rollout file to fork from instead of looking the thread up by id.
   * @experimental
   */
  path?: string | null;
}

export type ThreadForkResponse = ThreadSessionResponse;

/** Sort order of `thread/list` (snake_case on the wire). */
export type ThreadSortKey = "created_at" | "updated_at" | "recency_at" | "section_position";

export type SortDirection = "asc" | "desc";

/** One working directory or several. */
export type ThreadListCwdFilter = string | string[];

/** Page through stored threads. */
export interface ThreadListParams {
  /** Opaque cursor from a previous page. */
  cursor?: string | null;
  limit?: UInt32 | null;
  sortKey?: ThreadSortKey | null;
  sortDirection?: SortDirection | null;
  modelProviders?: string[] | null;
  sourceKinds?: ThreadSourceKind[] | null;
  originators?: string[] | null;
  /** List archived threads instead of active ones. */
  archived?: boolean | null;
  cwd?: ThreadListCwdFilter | null;
  searchTerm?: string | null;
  sectionId?: string | null;
  excludedThreadIds?: string[] | null;
  /** Only threads of the signed-in account. */
  currentAccountOnly?: boolean;
  /** Answer from the state database without scanning rollout files. */
  useStateDbOnly?: boolean;
}

export interface ThreadListResponse {
  data: Thread[];
  /** Cursor of the next page; null at the end. */
  nextCursor?: string | null;
  /** Cursor of the previous page. */
  backwardsCursor?: string | null;
}

/** Read a thread without resuming it. */
export interface ThreadReadParams {
  threadId: string;
  /** Fill `thread.turns`. */
  includeTurns?: boolean;
}

export interface ThreadReadResponse {
  thread: Thread;
}

/** Move a thread (and the threads it spawned) to the archive. */
export interface ThreadArchiveParams {
  threadId: string;
}

export type ThreadArchiveResponse = Record<string, never>;

/** Bring a thread back from the archive. */
export interface ThreadUnarchiveParams {
  threadId: string;
}

export interface ThreadUnarchiveResponse {
  thread: Thread;
}

/** Name a thread. `thread/name/updated` follows. */
export interface ThreadSetNameParams {
  threadId: string;
  name: string;
}

export type ThreadSetNameResponse = Record<string, never>;

/** List the ids of the threads loaded in memory. */
export interface ThreadLoadedListParams {
  cursor?: string | null;
  limit?: UInt32 | null;
}

export interface ThreadLoadedListResponse {
  data: string[];
  nextCursor?: string | null;
}

/** Compact a thread's context now; progress arrives as turn and `contextCompaction` item events. */
export interface ThreadCompactStartParams {
  threadId: string;
}

export type ThreadCompactStartResponse = Record<string, never>;
