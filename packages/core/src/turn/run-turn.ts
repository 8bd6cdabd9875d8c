// The turn loop: send the history to the model, stream its output into items, run its tool calls, feed the
// outputs back, and repeat until it answers without calling tools.
import { type ModelClient, type ResponseEvent, type ResponsesPrompt, StreamDisconnectedError } from "@codex-ts/model-client";
import { type ContentItem, type ResponseItem, type ThreadItem, type TokenUsage, isMessagePhase } from "@codex-ts/protocol";
import { type ToolCall, dispatchToolCall, isParallelSafe, toolCallOf } from "./tool-router.js";
import { TurnCancelledError, type TurnContext } from "./turn-context.js";

export interface TurnHost {
  readonly client: ModelClient;
  /** The history sent to the model (initial context included). */
  history(): readonly ResponseItem[];
  appendHistory(items: readonly ResponseItem[]): Promise<void>;
  /** User input sent with `steer` since the last request, as history items (already shown as items). */
  takeSteeredInput(): Promise<ResponseItem[]>;
  tools(): unknown[];
  addTokenUsage(ctx: TurnContext, usage: TokenUsage | undefined): void;
  /** Total tokens the thread used in its last response (for auto-compaction). */
  lastTotalTokens(): number;
  autoCompactLimit(): number | null;
  compact(ctx: TurnContext): Promise<void>;
}

export interface TurnOutcome {
  lastAgentMessage: string | null;
}

function messageText(content: readonly ContentItem[]): string {
  return content
    .filter((part): part is Extract<ContentItem, { type: "output_text" }> => part.type === "output_text")
    .map((part) => part.text)
    .join("");
}

/** Tracks the items of one streamed response. */
class ResponseItems {
  private counter = 0;
  /** Item id of the output currently streaming (message or reasoning). */
  private current: { id: string; kind: "message" | "reasoning"; text: string; summaries: string[] } | undefined;

  constructor(private readonly ctx: TurnContext, private readonly prefix: string) {}

  private nextId(): string {
    this.counter += 1;
    return `${this.prefix}_${this.counter}`;
  }

  added(item: ResponseItem): void {
    if (item.type === "message" && item.role === "assistant") {
      this.current = { id: item.id ?? this.nextId(), kind: "message", text: "", summaries: [] };
      this.emitStarted({ type: "agentMessage", id: this.current.id, text: "" });
    } else if (item.type === "reasoning") {
      this.current = { id: item.id ?? this.nextId(), kind: "reasoning", text: "", summaries: [] };
      this.emitStarted({ type: "reasoning", id: this.current.id, summary: [], content: [] });
    }
  }

  textDelta(delta: string): void {
    if (this.current?.kind !== "message") {
      this.current = { id: this.nextId(), kind: "message", text: "", summaries: [] };
      this.emitStarted({ type: "agentMessage", id: this.current.id, text: "" });
    }
    this.current.text += delta;
    this.ctx.emit({ type: "agent_message_delta", turnId: this.ctx.turnId, itemId: this.current.id, delta });
  }

  reasoningEvent(event: Extract<ResponseEvent, { type: "reasoning_summary_delta" | "reasoning_summary_part_added" | "reasoning_content_delta" }>): void {
    if (this.current?.kind !== "reasoning") return;
    const itemId = this.current.id;
    const turnId = this.ctx.turnId;
    if (event.type === "reasoning_summary_delta") {
      this.ctx.emit({ type: "reasoning_summary_delta", turnId, itemId, delta: event.delta, summaryIndex: event.summaryIndex });
    } else if (event.type === "reasoning_summary_part_added") {
      this.ctx.emit({ type: "reasoning_summary_part_added", turnId, itemId, summaryIndex: event.summaryIndex });
    } else {
      this.ctx.emit({ type: "reasoning_content_delta", turnId, itemId, delta: event.delta, contentIndex: event.contentIndex });
    }
  }

  /** Completes the matching item; returns the assistant text for messages. */
  done(item: ResponseItem): string | undefined {
    if (item.type === "message" && item.role === "assistant") {
      const id = this.current?.kind === "message" ? this.current.id : (item.id ?? this.nextId());
      if (this.current?.kind !== "message") this.emitStarted({ type: "agentMessage", id, text: "" });
      const text = messageText(item.content);
      this.current = undefined;
      this.emitCompleted({ type: "agentMessage", id, text, ...(isMessagePhase(item.phase) ? { phase: item.phase } : {}) });
      return text;
    }
    if (item.type === "reasoning") {
      const id = this.current?.kind === "reasoning" ? this.current.id : (item.id ?? this.nextId());
      if (this.current?.kind !== "reasoning") this.emitStarted({ type: "reasoning", id, summary: [], content: [] });
      this.current = undefined;
      this.emitCompleted({
        type: "reasoning",
        id,
        summary: item.summary.map((part) => part.text),
        content: (item.content ?? []).map((part) => part.text),
      });
      return undefined;
    }
    if (item.type === "web_search_call") {
      const id = item.id ?? this.nextId();
      const query = item.action?.query ?? "";
      const action = item.action
        ? item.action.type === "search"
          ? { type: "search" as const, query: item.action.query ?? null, queries: item.action.queries ?? null }
          : item.action.type === "open_page"
            ? { type: "openPage" as const, url: item.action.url ?? null }
            : item.action.type === "find_in_page"
              ? { type: "findInPage" as const, url: item.action.url ?? null, pattern: item.action.pattern ?? null }
              : { type: "other" as const }
        : null;
      this.emitStarted({ type: "webSearch", id, query: "", action: null });
      this.emitCompleted({ type: "webSearch", id, query, action });
    }
    return undefined;
  }

  /** Completes an item whose stream was cut off, with what arrived, so no started item is left open. */
  abandon(): void {
    const current = this.current;
    this.current = undefined;
    if (current?.kind === "message") this.emitCompleted({ type: "agentMessage", id: current.id, text: current.text });
    if (current?.kind === "reasoning") this.emitCompleted({ type: "reasoning", id: current.id, summary: current.summaries, content: [] });
  }

  private emitStarted(item: ThreadItem): void {
    this.ctx.emit({ type: "item_started", turnId: this.ctx.turnId, item, atMs: Date.now() });
  }

  private emitCompleted(item: ThreadItem): void {
    this.ctx.emit({ type: "item_completed", turnId: this.ctx.turnId, item, atMs: Date.now() });
  }
}

async function runCalls(ctx: TurnContext, calls: readonly ToolCall[], parallel: boolean): Promise<ResponseItem[]> {
  if (parallel && calls.length > 1 && calls.every(isParallelSafe)) {
    return Promise.all(calls.map((call) => dispatchToolCall(ctx, call)));
  }
  const outputs: ResponseItem[] = [];
  for (const call of calls) {
    if (ctx.signal.aborted) throw new TurnCancelledError();
    outputs.push(await dispatchToolCall(ctx, call));
  }
  return outputs;
}

/** Runs requests until the model stops calling tools. Throws model errors and `TurnCancelledError`. */
export async function runTurnLoop(host: TurnHost, ctx: TurnContext, outputSchema: unknown): Promise<TurnOutcome> {
  let lastAgentMessage: string | null = null;
  let round = 0;
  /** Mid-stream disconnects since the last completed response. */
  let disconnects = 0;
  for (;;) {
    round += 1;
    const steered = await host.takeSteeredInput();
    if (steered.length > 0) await host.appendHistory(steered);
    if (ctx.pendingImages.length > 0) {
      const images = ctx.pendingImages.splice(0);
      await host.appendHistory([{ type: "message", role: "user", content: images }]);
    }
    const prompt: ResponsesPrompt = {
      model: ctx.config.model,
      instructions: ctx.config.baseInstructions,
      input: host.history(),
      tools: host.tools(),
      parallelToolCalls: ctx.config.parallelToolCalls,
      promptCacheKey: ctx.threadId,
      ...(ctx.config.reasoningEffort || ctx.config.reasoningSummary
        ? {
            reasoning: {
              ...(ctx.config.reasoningEffort ? { effort: ctx.config.reasoningEffort } : {}),
              ...(ctx.config.reasoningSummary ? { summary: ctx.config.reasoningSummary } : {}),
            },
          }
        : {}),
      ...(ctx.config.serviceTier ? { serviceTier: ctx.config.serviceTier } : {}),
      ...(outputSchema !== undefined && outputSchema !== null
        ? { text: { format: { type: "json_schema", name: "codex_output_schema", schema: outputSchema, strict: true } } }
        : {}),
    };
    const items = new ResponseItems(ctx, `item_${ctx.turnId.slice(-8)}_${round}`);
    const calls: ToolCall[] = [];
    let disconnected = false;
    try {
      for await (const event of host.client.stream(prompt, { signal: ctx.signal, turnId: ctx.turnId })) {
        switch (event.type) {
          case "output_item_added":
            items.added(event.item);
            break;
          case "output_text_delta":
            items.textDelta(event.delta);
            break;
          case "reasoning_summary_delta":
          case "reasoning_summary_part_added":
          case "reasoning_content_delta":
            items.reasoningEvent(event);
            break;
          case "output_item_done": {
            const text = items.done(event.item);
            await host.appendHistory([event.item]);
            if (text !== undefined) lastAgentMessage = text;
            const call = toolCallOf(event.item);
            if (call) calls.push(call);
            break;
          }
          case "completed":
            host.addTokenUsage(ctx, event.tokenUsage);
            disconnects = 0;
            break;
          case "stream_retry":
            ctx.emit({
              type: "error",
              turnId: ctx.turnId,
              error: { message: `Reconnecting... ${event.attempt}/${event.maxRetries}`, codexErrorInfo: null, additionalDetails: event.message },
              willRetry: true,
            });
            break;
          default:
            break;
        }
      }
    } catch (error) {
      // The stream dropped after output had started: what was completed is in the history, so ask again
      // from there (the model client itself only reconnects before any output).
      if (!(error instanceof StreamDisconnectedError) || ctx.signal.aborted) throw error;
      const max = host.client.provider.streamMaxRetries;
      if (disconnects >= max) throw error;
      disconnects += 1;
      disconnected = true;
      items.abandon();
      ctx.emit({
        type: "error",
        turnId: ctx.turnId,
        error: { message: `Reconnecting... ${disconnects}/${max}`, codexErrorInfo: null, additionalDetails: error.message },
        willRetry: true,
      });
    }
    if (calls.length > 0) {
      const outputs = await runCalls(ctx, calls, ctx.config.parallelToolCalls);
      await host.appendHistory(outputs);
    }
    if (ctx.signal.aborted) throw new TurnCancelledError();
    const limit = host.autoCompactLimit();
    const needsFollowUp = calls.length > 0 || ctx.pendingImages.length > 0 || disconnected;
    if (limit !== null && host.lastTotalTokens() >= limit && needsFollowUp) {
      await host.compact(ctx);
    }
    if (!needsFollowUp) {
      const steeredLate = await host.takeSteeredInput();
      if (steeredLate.length === 0) return { lastAgentMessage };
      await host.appendHistory(steeredLate);
    }
  }
}
