// The approval requests a thread is waiting on: numbered, announced as events, answered once (by a client
// or, when their turn ends, as `cancel`).
import type { ApprovalRequest, CoreEvent, ReviewDecision } from "@codex-ts/protocol";
import type { ApprovalRequestInput } from "../turn/turn-context.js";

interface Pending {
  request: ApprovalRequest;
  turnId: string;
  resolve(decision: ReviewDecision): void;
}

let counter = 0;

export class PendingApprovals {
  private readonly pending = new Map<string, Pending>();

  /** `emit` receives `approval_requested` / `approval_resolved`; `changed` runs after every change. */
  constructor(
    private readonly emit: (event: CoreEvent) => void,
    private readonly changed: () => void,
  ) {}

  get size(): number {
    return this.pending.size;
  }

  requests(): ApprovalRequest[] {
    return [...this.pending.values()].map((entry) => entry.request);
  }

  /** Asks; resolves with the answer, or `cancel` at once when the turn is already being aborted. */
  ask(turnId: string, input: ApprovalRequestInput, signal: AbortSignal): Promise<ReviewDecision> {
    if (signal.aborted) return Promise.resolve("cancel");
    counter += 1;
    const request = { ...input, requestId: `approval-${counter}`, startedAtMs: Date.now() } as ApprovalRequest;
    return new Promise<ReviewDecision>((resolve) => {
      this.pending.set(request.requestId, { request, turnId, resolve });
      this.emit({ type: "approval_requested", turnId, request });
      this.changed();
    });
  }

  /** Answers one request; false when it is no longer pending. */
  resolve(requestId: string, decision: ReviewDecision): boolean {
    const entry = this.pending.get(requestId);
    if (!entry) return false;
    this.pending.delete(requestId);
    entry.resolve(decision);
    this.emit({ type: "approval_resolved", turnId: entry.turnId, requestId });
    this.changed();
    return true;
  }

  /** Answers every request of a turn with `decision` (the turn ended or was interrupted). */
  settleTurn(turnId: string, decision: ReviewDecision): void {
    for (const [requestId, entry] of [...this.pending]) {
      if (entry.turnId !== turnId) continue;
      this.pending.delete(requestId);
      entry.resolve(decision);
      this.emit({ type: "approval_resolved", turnId, requestId });
    }
  }
}
