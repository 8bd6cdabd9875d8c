// Owns the server's ThreadManager and connects each loaded thread to the connections subscribed to it:
// core events become v2 notifications, approval requests become server requests answered by the first client.
import type { ApprovalRequest, CoreEvent, ReviewDecision } from "@codex-ts/protocol";
import { type Thread, ThreadManager, type ThreadManagerOptions } from "@codex-ts/core";
import type { ConnectionHandle } from "../context.js";
import { wireTurn } from "./wire-thread.js";

interface ThreadEntry {
  thread: Thread;
  subscribers: Set<ConnectionHandle>;
  unsubscribe: () => void;
  /** Core approval id → the server request sent to each connection (for `serverRequest/resolved`). */
  approvals: Map<string, Map<ConnectionHandle, string | number>>;
  /** `turn/interrupt` requests waiting for the turn to end. */
  interrupting: number;
  /** Events held back so that `turn/interrupt` is answered before `turn/completed` goes out. */
  held: CoreEvent[] | undefined;
}

export interface ThreadServiceOptions extends Omit<ThreadManagerOptions, "originator"> {
  /** Used when a request does not say which client it comes from. */
  defaultOriginator?: string;
}

/** Decision strings shared by command and file-change approvals; structured ones count as accept. */
function decisionOf(result: unknown): ReviewDecision {
  const decision = (result as { decision?: unknown } | null)?.decision;
  if (decision === "accept" || decision === "acceptForSession" || decision === "decline" || decision === "cancel") return decision;
  if (decision !== null && typeof decision === "object") return "accept";
  return "decline";
}

export class ThreadService {
  readonly manager: ThreadManager;
  private readonly entries = new Map<string, ThreadEntry>();
  private readonly watchedConnections = new WeakSet<ConnectionHandle>();

  constructor(options: ThreadServiceOptions) {
    this.manager = new ThreadManager({ ...options, originator: options.defaultOriginator ?? "codex_app_server" });
  }

  get(threadId: string): Thread | undefined {
    return this.entries.get(threadId)?.thread;
  }

  loadedIds(): string[] {
    return [...this.entries.keys()];
  }

  /** Tracks a thread the manager just loaded (idempotent) and subscribes `connection` to it. */
  attach(thread: Thread, connection: ConnectionHandle): void {
    let entry = this.entries.get(thread.id);
    if (!entry) {
      const created: ThreadEntry = {
        thread,
        subscribers: new Set(),
        unsubscribe: () => {},
        approvals: new Map(),
        interrupting: 0,
        held: undefined,
      };
      created.unsubscribe = thread.subscribe((event) => this.receive(created, event));
      this.entries.set(thread.id, created);
      entry = created;
    }
    this.subscribe(entry, connection);
  }

  private subscribe(entry: ThreadEntry, connection: ConnectionHandle): void {
    if (entry.subscribers.has(connection)) return;
    entry.subscribers.add(connection);
    if (!this.watchedConnections.has(connection)) {
      this.watchedConnections.add(connection);
      connection.onClose(() => this.onConnectionClosed(connection));
    }
    // Approvals already pending reach a late subscriber too.
    for (const request of entry.thread.pendingApprovals()) this.sendApproval(entry, request, connection);
  }

  private onConnectionClosed(connection: ConnectionHandle): void {
    for (const entry of this.entries.values()) {
      if (!entry.subscribers.delete(connection)) continue;
      // A request only this connection could answer must not leave the turn waiting.
      for (const [approvalId, asked] of entry.approvals) {
        asked.delete(connection);
        if (asked.size === 0 || ![...asked.keys()].some((c) => !c.closed)) {
          entry.thread.resolveApproval(approvalId, "decline");
        }
      }
    }
  }

  private notifyAll(entry: ThreadEntry, send: (connection: ConnectionHandle) => void): void {
    for (const connection of entry.subscribers) {
      if (!connection.closed) send(connection);
    }
  }

  /**
   * Interrupts the thread's turn; resolves once it has ended. Like upstream, the `turn/interrupt` answer goes
   * out before `turn/completed`: the turn's last events are held until the answer (sent from microtasks once
   * this resolves) is on its way.
   */
  async interrupt(thread: Thread, turnId: string): Promise<void> {
    const entry = this.entries.get(thread.id);
    if (!entry) return thread.interrupt(turnId);
    entry.interrupting += 1;
    try {
      await thread.interrupt(turnId);
    } finally {
      entry.interrupting -= 1;
    }
  }

  /**
   * Runs `work` (a request that starts a turn) with the thread's events held back until its answer is out,
   * so that, as upstream, the `turn/start` answer precedes `thread/status/changed` and `turn/started`.
   */
  async answerBeforeEvents<T>(threadId: string, work: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(threadId);
    if (!entry || entry.held) return work();
    entry.held = [];
    try {
      return await work();
    } finally {
      setImmediate(() => this.release(entry));
    }
  }

  private release(entry: ThreadEntry): void {
    const held = entry.held ?? [];
    entry.held = undefined;
    for (const next of held) this.receive(entry, next);
  }

  private receive(entry: ThreadEntry, event: CoreEvent): void {
    if (entry.held) {
      entry.held.push(event);
      return;
    }
    if (event.type === "turn_completed" && entry.interrupting > 0) {
      entry.held = [event];
      setImmediate(() => this.release(entry));
      return;
    }
    this.onEvent(entry, event);
  }

  private onEvent(entry: ThreadEntry, event: CoreEvent): void {
    const threadId = entry.thread.id;
    switch (event.type) {
      case "turn_started": {
        const record = entry.thread.turns.find((turn) => turn.id === event.turnId);
        if (!record) return;
        const turn = wireTurn(record, false);
        this.notifyAll(entry, (c) => c.notify("turn/started", { threadId, turn }));
        return;
      }
      case "turn_completed": {
        const record = entry.thread.turns.find((turn) => turn.id === event.turnId);
        if (!record) return;
        const turn = wireTurn(record, false);
        this.notifyAll(entry, (c) => c.notify("turn/completed", { threadId, turn }));
        return;
      }
      case "item_started":
        this.notifyAll(entry, (c) =>
          c.notify("item/started", { item: event.item as never, threadId, turnId: event.turnId, startedAtMs: event.atMs }),
        );
        return;
      case "item_completed":
        this.notifyAll(entry, (c) =>
          c.notify("item/completed", { item: event.item as never, threadId, turnId: event.turnId, completedAtMs: event.atMs }),
        );
        return;
      case "agent_message_delta":
        this.notifyAll(entry, (c) =>
          c.notify("item/agentMessage/delta", { threadId, turnId: event.turnId, itemId: event.itemId, delta: event.delta }),
        );
        return;
      case "reasoning_summary_delta":
        this.notifyAll(entry, (c) =>
          c.notify("item/reasoning/summaryTextDelta", {
            threadId,
            turnId: event.turnId,
            itemId: event.itemId,
            delta: event.delta,
            summaryIndex: event.summaryIndex,
          }),
        );
        return;
      case "reasoning_summary_part_added":
        this.notifyAll(entry, (c) =>
          c.notify("item/reasoning/summaryPartAdded", { threadId, turnId: event.turnId, itemId: event.itemId, summaryIndex: event.summaryIndex }),
        );
        return;
      case "reasoning_content_delta":
        this.notifyAll(entry, (c) =>
          c.notify("item/reasoning/textDelta", {
            threadId,
            turnId: event.turnId,
            itemId: event.itemId,
            delta: event.delta,
            contentIndex: event.contentIndex,
          }),
        );
        return;
      case "command_output_delta":
        this.notifyAll(entry, (c) =>
          c.notify("item/commandExecution/outputDelta", { threadId, turnId: event.turnId, itemId: event.itemId, delta: event.delta }),
        );
        return;
      case "turn_diff":
        this.notifyAll(entry, (c) => c.notify("turn/diff/updated", { threadId, turnId: event.turnId, diff: event.diff }));
        return;
      case "plan_updated":
        this.notifyAll(entry, (c) =>
          c.notify("turn/plan/updated", { threadId, turnId: event.turnId, explanation: event.explanation, plan: event.plan }),
        );
        return;
      case "token_usage":
        this.notifyAll(entry, (c) => c.notify("thread/tokenUsage/updated", { threadId, turnId: event.turnId, tokenUsage: event.usage }));
        return;
      case "error":
        this.notifyAll(entry, (c) =>
          c.notify("error", { error: event.error, willRetry: event.willRetry, threadId, turnId: event.turnId }),
        );
        return;
      case "status_changed":
        this.notifyAll(entry, (c) => c.notify("thread/status/changed", { threadId, status: event.status }));
        return;
      case "name_updated":
        // `thread/name/set` broadcasts the change to every client after answering.
        return;
      case "approval_requested":
        this.notifyAll(entry, (c) => this.sendApproval(entry, event.request, c));
        return;
      case "approval_resolved": {
        const asked = entry.approvals.get(event.requestId);
        entry.approvals.delete(event.requestId);
        for (const [connection, requestId] of asked ?? []) {
          if (!connection.closed) connection.notify("serverRequest/resolved", { threadId, requestId });
        }
        return;
      }
      default:
        return;
    }
  }

  private sendApproval(entry: ThreadEntry, request: ApprovalRequest, connection: ConnectionHandle): void {
    const threadId = entry.thread.id;
    const turnId = entry.thread.activeTurnId ?? "";
    let asked = entry.approvals.get(request.requestId);
    if (!asked) {
      asked = new Map();
      entry.approvals.set(request.requestId, asked);
    }
    if (asked.has(connection)) return;
    const sent =
      request.kind === "commandExecution"
        ? connection.sendRequest("item/commandExecution/requestApproval", {
            threadId,
            turnId,
            itemId: request.itemId,
            startedAtMs: request.startedAtMs,
            reason: request.reason,
            command: request.command,
            cwd: request.cwd,
            commandActions: request.commandActions,
            ...(request.proposedExecpolicyAmendment ? { proposedExecpolicyAmendment: request.proposedExecpolicyAmendment } : {}),
          })
        : connection.sendRequest("item/fileChange/requestApproval", {
            threadId,
            turnId,
            itemId: request.itemId,
            startedAtMs: request.startedAtMs,
            reason: request.reason,
            grantRoot: request.grantRoot,
          });
    asked.set(connection, sent.id);
    sent.result.then(
      (result) => {
        entry.thread.resolveApproval(request.requestId, decisionOf(result));
      },
      () => {
        // An error answer, or the connection closed: treat as declined unless someone else may still answer.
        const remaining = entry.approvals.get(request.requestId);
        remaining?.delete(connection);
        if (!remaining || remaining.size === 0) entry.thread.resolveApproval(request.requestId, "decline");
      },
    );
  }

  /**
   * Unloads a thread from the manager (interrupting its turn; subscribers still see it end) and stops
   * tracking it; used by archive.
   */
  async unload(threadId: string): Promise<void> {
    await this.manager.unload(threadId);
    const entry = this.entries.get(threadId);
    if (!entry) return;
    this.entries.delete(threadId);
    entry.unsubscribe();
  }

  /** Unloads every thread (interrupting turns); used at server shutdown. */
  async shutdown(): Promise<void> {
    for (const entry of this.entries.values()) entry.unsubscribe();
    this.entries.clear();
    await this.manager.shutdown();
  }
}
