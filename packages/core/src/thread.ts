// A loaded thread: its settings, model-visible history, turns, subscribers and the turn that is running.
import type { ModelClient } from "@codex-ts/model-client";
import {
  type ApprovalRequest,
  type CoreEvent,
  type EventMsg,
  type ResponseItem,
  type ReviewDecision,
  type RolloutItem,
  type SessionSource,
  type ThreadItem,
  type ThreadStatus,
  type ThreadTokenUsage,
  type TurnContextItem,
  type TokenUsage,
  type UserInput,
  newThreadId,
  userInputText,
} from "@codex-ts/protocol";
import type { RolloutRecorder } from "@codex-ts/rollout";
import type { ExecPolicy } from "@codex-ts/shell-command";
import { buildToolSpecs } from "@codex-ts/tools";
import { compactHistory } from "./compaction.js";
import { PendingApprovals } from "./approvals/pending-approvals.js";
import { McpToolSet, type McpToolSource } from "./mcp-tools.js";
import { initialContextItems, environmentContextItem, userMessageItem } from "./initial-context.js";
import { storedTurnItem } from "./rollout-items.js";
import { type ThreadConfig, autoCompactLimit } from "./thread-config.js";
import { settingsKeyOf, turnContextRecord } from "./turn-context-record.js";
import { UnifiedExecManager } from "./tool-handlers/index.js";
import { accumulateUsage, wireUsageOf } from "./token-usage.js";
import { settleOpenSessions } from "./turn/command-runner.js";
import { type TurnHost, runTurnLoop } from "./turn/run-turn.js";
import { TurnCancelledError, type TurnContext } from "./turn/turn-context.js";
import { TurnDiffTracker } from "./turn/turn-diff-tracker.js";
import { turnErrorFrom } from "./turn/turn-error.js";
import { withAbortedCallOutputs } from "./rebuild-thread.js";
import { type TurnRecord, upsertItem } from "./turn-record.js";

export type ThreadListener = (event: CoreEvent) => void;

export class ThreadBusyError extends Error {
  readonly code = "THREAD_BUSY";
}

export class NoActiveTurnError extends Error {
  readonly code = "NO_ACTIVE_TURN";
}

/** What a thread is created with (see `ThreadManager`). */
export interface ThreadInit {
  id: string;
  config: ThreadConfig;
  client: ModelClient;
  recorder: RolloutRecorder | null;
  env: NodeJS.ProcessEnv;
  execPolicy: ExecPolicy | undefined;
  /** MCP servers' tools, when any are configured. */
  mcp?: McpToolSource;
  userInstructions: string | null;
  instructionSources: string[];
  createdAt: number;
  source: SessionSource;
  cliVersion: string;
  forkedFromId: string | null;
  gitInfo: { sha: string | null; branch: string | null; originUrl: string | null } | null;
  /** The settings the resumed history last told the model about (its last `turn_context`). */
  lastTurnContext?: TurnContextItem | null;
  /** Restored state of a resumed or forked thread. */
  history?: ResponseItem[];
  turns?: TurnRecord[];
  name?: string | null;
  tokenUsage?: ThreadTokenUsage | null;
}

export interface TurnOptions {
  /** Applies to this turn only: the final message must match this JSON Schema. */
  outputSchema?: unknown;
  clientUserMessageId?: string | null;
}

interface ActiveTurn {
  record: TurnRecord;
  controller: AbortController;
  steered: UserInput[][];
  done: Promise<void>;
  kind: "regular" | "compact";
}

export class Thread {
  readonly id: string;
  readonly createdAt: number;
  readonly source: SessionSource;
  readonly cliVersion: string;
  readonly forkedFromId: string | null;
  readonly gitInfo: ThreadInit["gitInfo"];
  readonly instructionSources: string[];
  config: ThreadConfig;
  name: string | null;
  tokenUsage: ThreadTokenUsage | null;
  updatedAt: number;
  readonly turns: TurnRecord[];
  private readonly client: ModelClient;
  private readonly recorder: RolloutRecorder | null;
  private readonly env: NodeJS.ProcessEnv;
  private readonly execPolicy: ExecPolicy | undefined;
  private readonly mcp: McpToolSource | undefined;
  private readonly userInstructions: string | null;
  private readonly listeners = new Set<ThreadListener>();
  private readonly approvals = new PendingApprovals(
    (event) => this.emit(event),
    () => this.emit({ type: "status_changed", status: this.status }),
  );
  private readonly approvedCommands = new Set<string>();
  private readonly approvedPatchRoots = new Set<string>();
  private readonly unifiedExec = new UnifiedExecManager();
  private history: ResponseItem[];
  private active: ActiveTurn | undefined;
  private lastTotal = 0;
  /** Settings the last environment context told the model about. */
  private announced: string | undefined;

  constructor(init: ThreadInit) {
    this.id = init.id;
    this.config = init.config;
    this.client = init.client;
    this.recorder = init.recorder;
    this.env = init.env;
    this.execPolicy = init.execPolicy;
    this.mcp = init.mcp;
    this.userInstructions = init.userInstructions;
    this.instructionSources = init.instructionSources;
    this.createdAt = init.createdAt;
    this.updatedAt = init.createdAt;
    this.source = init.source;
    this.cliVersion = init.cliVersion;
    this.forkedFromId = init.forkedFromId;
    this.gitInfo = init.gitInfo;
    this.history = init.history ?? [];
    this.turns = init.turns ?? [];
    this.name = init.name ?? null;
    this.tokenUsage = init.tokenUsage ?? null;
    // A resumed thread told the model about the settings of its last recorded turn.
    if (this.history.length > 0 && init.lastTurnContext) this.announced = settingsKeyOf(init.lastTurnContext);
  }

  get path(): string | null {
    return this.recorder?.path ?? null;
  }

  get ephemeral(): boolean {
    return this.recorder === null;
  }

  get status(): ThreadStatus {
    if (!this.active) return { type: "idle" };
    return { type: "active", activeFlags: this.approvals.size > 0 ? ["waitingOnApproval"] : [] };
  }

  get activeTurnId(): string | null {
    return this.active?.record.id ?? null;
  }

  /** The first user message, for listings. */
  get preview(): string {
    for (const turn of this.turns) {
      for (const item of turn.items) if (item.type === "userMessage") return userInputText(item.content);
    }
    return "";
  }

  /** Model-visible history (a copy). */
  historySnapshot(): ResponseItem[] {
    return [...this.history];
  }

  pendingApprovals(): ApprovalRequest[] {
    return this.approvals.requests();
  }

  subscribe(listener: ThreadListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private emit(event: CoreEvent): void {
    const turn = this.active?.record;
    if (turn && (event.type === "item_started" || event.type === "item_completed") && event.turnId === turn.id) {
      upsertItem(turn, event.item);
      if (event.type === "item_completed") this.recordItem(turn.id, event.item);
    }
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // a failing subscriber must not break the turn
      }
    }
  }

  /** Persists a completed item the way upstream does (`item_completed` with its TurnItem form). */
  private recordItem(turnId: string, item: ThreadItem): void {
    const stored = storedTurnItem(item);
    if (!stored) return;
    void this.record({ type: "event_msg", payload: { type: "item_completed", thread_id: this.id, turn_id: turnId, item: stored } }).catch(
      () => undefined,
    );
  }

  private async record(...items: RolloutItem[]): Promise<void> {
    this.updatedAt = Math.floor(Date.now() / 1000);
    if (this.recorder) await this.recorder.record(...items);
  }

  private currentSettingsKey(): string {
    return settingsKeyOf(turnContextRecord(this.config, "", this.userInstructions));
  }

  /** Starts a turn with `input`; resolves once `turn_started` was emitted. The turn runs in the background. */
  async startTurn(input: UserInput[], options: TurnOptions = {}): Promise<TurnRecord> {
    if (this.active) throw new ThreadBusyError(`thread ${this.id} already has a turn in progress`);
    const record = this.beginTurn();
    const controller = new AbortController();
    const active: ActiveTurn = { record, controller, steered: [], done: Promise.resolve(), kind: "regular" };
    this.active = active;
    this.emit({ type: "status_changed", status: this.status });
    this.emit({ type: "turn_started", turnId: record.id, startedAt: record.startedAt ?? 0 });
    active.done = this.runRegularTurn(active, input, options);
    return { ...record, items: [] };
  }

  /** Runs a manual compaction as its own turn. */
  async startCompaction(): Promise<TurnRecord> {
    if (this.active) throw new ThreadBusyError(`thread ${this.id} already has a turn in progress`);
    const record = this.beginTurn();
    const active: ActiveTurn = { record, controller: new AbortController(), steered: [], done: Promise.resolve(), kind: "compact" };
    this.active = active;
    this.emit({ type: "status_changed", status: this.status });
    this.emit({ type: "turn_started", turnId: record.id, startedAt: record.startedAt ?? 0 });
    active.done = this.runTurnBody(active, async (ctx) => {
      await this.compactNow(ctx);
      return null;
    });
    return { ...record, items: [] };
  }

  private beginTurn(): TurnRecord {
    const record: TurnRecord = {
      id: newThreadId(),
      status: "inProgress",
      error: null,
      startedAt: Math.floor(Date.now() / 1000),
      completedAt: null,
      durationMs: null,
      items: [],
    };
    this.turns.push(record);
    return record;
  }

  /** Adds input to the running turn; it reaches the model with the next request. */
  steer(input: UserInput[], expectedTurnId: string): string {
    const active = this.active;
    if (!active) throw new NoActiveTurnError("no active turn to steer");
    if (active.record.id !== expectedTurnId) {
      throw new NoActiveTurnError(`expected active turn id \`${expectedTurnId}\` but found \`${active.record.id}\``);
    }
    if (active.kind !== "regular") throw new NoActiveTurnError("the active turn cannot be steered");
    active.steered.push(input);
    return active.record.id;
  }

  /** Interrupts the running turn (killing its commands); resolves once the turn has ended. */
  async interrupt(turnId?: string): Promise<void> {
    const active = this.active;
    if (!active) return;
    if (turnId !== undefined && active.record.id !== turnId) return;
    active.controller.abort();
    this.approvals.settleTurn(active.record.id, "cancel");
    await active.done;
  }

  /** Answers a pending approval; false when it is no longer pending. */
  resolveApproval(requestId: string, decision: ReviewDecision): boolean {
    return this.approvals.resolve(requestId, decision);
  }

  async setName(name: string | null): Promise<void> {
    this.name = name;
    await this.record({ type: "event_msg", payload: { type: "thread_name_updated", thread_id: this.id, thread_name: name } });
    this.emit({ type: "name_updated", name });
  }

  /** Waits until no turn is running. */
  async waitForIdle(): Promise<void> {
    while (this.active) await this.active.done;
  }

  /** Interrupts any turn, kills background sessions and closes the rollout. */
  async shutdown(): Promise<void> {
    await this.interrupt();
    await this.unifiedExec.terminateAll();
    await this.recorder?.close();
  }

  private turnContext(active: ActiveTurn, mcpTools: McpToolSet): TurnContext {
    const turnId = active.record.id;
    return {
      threadId: this.id,
      turnId,
      config: this.config,
      signal: active.controller.signal,
      env: this.env,
      execPolicy: this.execPolicy,
      unifiedExec: this.unifiedExec,
      mcpTools,
      diffTracker: new TurnDiffTracker(this.config.cwd),
      approvedCommands: this.approvedCommands,
      approvedPatchRoots: this.approvedPatchRoots,
      pendingImages: [],
      emit: (event) => this.emit(event),
      requestApproval: (request) => this.approvals.ask(turnId, request, active.controller.signal),
      cancelTurn: () => active.controller.abort(),
    };
  }

  private async runRegularTurn(active: ActiveTurn, input: UserInput[], options: TurnOptions): Promise<void> {
    await this.runTurnBody(active, async (ctx) => {
      await this.ensureContext();
      await this.addUserInput(ctx, input, options.clientUserMessageId ?? null);
      const host = this.turnHost(active, ctx);
      const outcome = await runTurnLoop(host, ctx, options.outputSchema);
      return outcome.lastAgentMessage;
    });
  }

  /** Common lifecycle of a turn: records, error mapping, completion event, cleanup. */
  private async runTurnBody(active: ActiveTurn, body: (ctx: TurnContext) => Promise<string | null>): Promise<void> {
    const record = active.record;
    let ctx = this.turnContext(active, new McpToolSet(undefined));
    const started = Date.now();
    let lastAgentMessage: string | null = null;
    try {
      ctx = this.turnContext(active, await McpToolSet.load(this.mcp, active.controller.signal));
      await this.record(
        { type: "turn_context", payload: turnContextRecord(this.config, record.id, this.userInstructions) },
        {
          type: "event_msg",
          payload: { type: "task_started", turn_id: record.id, started_at: record.startedAt ?? undefined, model_context_window: this.config.modelContextWindow },
        },
      );
      lastAgentMessage = await body(ctx);
      record.status = "completed";
    } catch (error) {
      if (error instanceof TurnCancelledError || active.controller.signal.aborted) {
        record.status = "interrupted";
      } else {
        record.status = "failed";
        record.error = turnErrorFrom(error);
        this.emit({ type: "error", turnId: record.id, error: record.error, willRetry: false });
      }
    }
    settleOpenSessions(ctx);
    this.approvals.settleTurn(record.id, "cancel");
    if (record.status === "interrupted") await this.unifiedExec.terminateAll();
    const completed = Date.now();
    record.completedAt = Math.floor(completed / 1000);
    record.durationMs = completed - started;
    // Stored like upstream's turn end events, so a rebuilt turn keeps its exact duration.
    const timing = { started_at: record.startedAt, completed_at: record.completedAt, duration_ms: record.durationMs };
    try {
      if (record.status === "interrupted") {
        const aborted = { type: "turn_aborted" as const, turn_id: record.id, reason: "interrupted", ...timing };
        await this.record({ type: "event_msg", payload: aborted });
      } else {
        if (record.status === "failed") {
          await this.record({ type: "event_msg", payload: { type: "error", message: record.error?.message ?? "turn failed" } });
        }
        const complete = { type: "task_complete" as const, turn_id: record.id, last_agent_message: lastAgentMessage, ...timing };
        await this.record({ type: "event_msg", payload: complete });
      }
    } catch {
      // the rollout could not be written; the turn result is still reported
    }
    this.active = undefined;
    this.emit({
      type: "turn_completed",
      turnId: record.id,
      status: record.status as "completed" | "interrupted" | "failed",
      error: record.error,
      startedAt: record.startedAt ?? 0,
      completedAt: record.completedAt,
      durationMs: record.durationMs,
    });
    this.emit({ type: "status_changed", status: this.status });
  }

  /** Adds the initial context on the first turn, and a new environment context when settings changed. */
  private async ensureContext(): Promise<void> {
    // A call an interrupted turn left unanswered gets its "aborted" output before the model sees it again.
    this.history = withAbortedCallOutputs(this.history);
    if (this.history.length === 0) {
      const items = initialContextItems(this.config, this.userInstructions, this.env);
      await this.appendHistory(items);
      this.announced = this.currentSettingsKey();
      return;
    }
    const now = this.currentSettingsKey();
    const before = this.announced;
    if (before !== now) {
      await this.appendHistory([environmentContextItem(this.config, this.env)]);
      this.announced = now;
    }
  }

  private async addUserInput(ctx: TurnContext, input: UserInput[], clientId: string | null): Promise<void> {
    const itemId = newThreadId();
    const item = { type: "userMessage" as const, id: itemId, clientId, content: input };
    this.emit({ type: "item_started", turnId: ctx.turnId, item, atMs: Date.now() });
    await this.appendHistory([await userMessageItem(input, this.config.cwd)]);
    this.emit({ type: "item_completed", turnId: ctx.turnId, item, atMs: Date.now() });
  }

  private async appendHistory(items: readonly ResponseItem[]): Promise<void> {
    this.history.push(...items);
    await this.record(...items.map((payload): RolloutItem => ({ type: "response_item", payload })));
  }

  private async recordEvent(event: EventMsg): Promise<void> {
    await this.record({ type: "event_msg", payload: event });
  }

  private turnHost(active: ActiveTurn, ctx: TurnContext): TurnHost {
    return {
      client: this.client,
      history: () => this.history,
      appendHistory: (items) => this.appendHistory(items),
      takeSteeredInput: async () => {
        const inputs = active.steered.splice(0);
        const items: ResponseItem[] = [];
        for (const input of inputs) {
          const itemId = newThreadId();
          const item = { type: "userMessage" as const, id: itemId, clientId: null, content: input };
          this.emit({ type: "item_started", turnId: active.record.id, item, atMs: Date.now() });
          items.push(await userMessageItem(input, this.config.cwd));
          this.emit({ type: "item_completed", turnId: active.record.id, item, atMs: Date.now() });
        }
        return items;
      },
      tools: () => this.toolSpecs(ctx.mcpTools),
      addTokenUsage: (ctx, usage) => this.addTokenUsage(ctx, usage),
      lastTotalTokens: () => this.lastTotal,
      autoCompactLimit: () => autoCompactLimit(this.config),
      compact: (ctx) => this.compactNow(ctx),
    };
  }

  private toolSpecs(mcpTools: McpToolSet): unknown[] {
    return buildToolSpecs({
      mcpTools: mcpTools.raw,
      shellType: this.config.shellType,
      applyPatchToolType: this.config.applyPatchToolType,
      webSearchMode: this.config.webSearchMode,
      experimentalSupportedTools: this.config.experimentalSupportedTools,
    });
  }

  private addTokenUsage(ctx: TurnContext, usage: TokenUsage | undefined): void {
    if (!usage) return;
    this.lastTotal = usage.total_tokens;
    this.tokenUsage = accumulateUsage(this.tokenUsage, usage, this.config.modelContextWindow);
    this.emit({ type: "token_usage", turnId: ctx.turnId, usage: this.tokenUsage });
    const info = {
      total_token_usage: wireUsageOf(this.tokenUsage.total),
      last_token_usage: usage,
      model_context_window: this.config.modelContextWindow,
    };
    void this.recordEvent({ type: "token_count", info, rate_limits: null }).catch(() => undefined);
  }

  private async compactNow(ctx: TurnContext): Promise<void> {
    const id = newThreadId();
    this.emit({ type: "item_started", turnId: ctx.turnId, item: { type: "contextCompaction", id }, atMs: Date.now() });
    const result = await compactHistory({
      client: this.client,
      config: this.config,
      history: withAbortedCallOutputs(this.history),
      signal: ctx.signal,
      initialContext: initialContextItems(this.config, this.userInstructions, this.env),
      threadId: this.id,
    });
    this.history = result.replacement;
    if (result.usage) this.addTokenUsage(ctx, result.usage);
    this.lastTotal = 0;
    await this.record(
      { type: "compacted", payload: { message: result.summary, replacement_history: result.replacement } },
      { type: "event_msg", payload: { type: "context_compacted" } },
    );
    this.emit({ type: "item_completed", turnId: ctx.turnId, item: { type: "contextCompaction", id }, atMs: Date.now() });
  }
}
