import type { OutputItem } from "./output-items.js";

export type Usage = {
  input_tokens: number;
  input_tokens_details: { cached_tokens: number };
  output_tokens: number;
  output_tokens_details: { reasoning_tokens: number };
  total_tokens: number;
};

export type UsageInput = {
  inputTokens?: number;
  cachedInputTokens?: number;
  outputTokens?: number;
  reasoningOutputTokens?: number;
  totalTokens?: number;
};

/** One window of the Codex rate-limit headers (`x-codex-primary-*` / `x-codex-secondary-*`). */
export type RateLimitWindowHeaders = {
  usedPercent: number;
  windowMinutes?: number;
  /** Unix seconds. */
  resetAt?: number;
};

export type RateLimitHeaders = {
  primary?: RateLimitWindowHeaders;
  secondary?: RateLimitWindowHeaders;
  credits?: { hasCredits: boolean; unlimited: boolean; balance?: string };
};

export type ResponseError = { code: string; message: string };

/** A scripted answer to one `POST /v1/responses`. */
export type Turn = {
  kind: "turn";
  /** Response id; defaults to `resp_mock_<n>`. */
  id?: string;
  items: OutputItem[];
  usage?: UsageInput;
  /** End with `response.failed` carrying this error instead of `response.completed`. */
  failed?: ResponseError;
  rateLimits?: RateLimitHeaders;
  /** Extra response headers. */
  headers?: Record<string, string>;
  /** Model name reported in `response.created`. */
  model?: string;
};

export type TurnOptions = Omit<Turn, "kind" | "items">;

/** A turn that streams `items` and completes. */
export function turn(items: OutputItem[], options: TurnOptions = {}): Turn {
  return { kind: "turn", items, ...options };
}

/** A turn that streams `items` (often none) and ends with `response.failed`. */
export function failedTurn(code: string, message: string, items: OutputItem[] = []): Turn {
  return { kind: "turn", items, failed: { code, message } };
}

export function usageOf(input: UsageInput = {}): Usage {
  const inputTokens = input.inputTokens ?? 10;
  const outputTokens = input.outputTokens ?? 5;
  return {
    input_tokens: inputTokens,
    input_tokens_details: { cached_tokens: input.cachedInputTokens ?? 0 },
    output_tokens: outputTokens,
    output_tokens_details: { reasoning_tokens: input.reasoningOutputTokens ?? 0 },
    total_tokens: input.totalTokens ?? inputTokens + outputTokens,
  };
}

export function rateLimitHeaderValues(limits: RateLimitHeaders): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of ["primary", "secondary"] as const) {
    const window = limits[name];
    if (!window) continue;
    headers[`x-codex-${name}-used-percent`] = String(window.usedPercent);
    if (window.windowMinutes !== undefined) headers[`x-codex-${name}-window-minutes`] = String(window.windowMinutes);
    if (window.resetAt !== undefined) headers[`x-codex-${name}-reset-at`] = String(window.resetAt);
  }
  if (limits.credits) {
    headers["x-codex-credits-has-credits"] = String(limits.credits.hasCredits);
    headers["x-codex-credits-unlimited"] = String(limits.credits.unlimited);
    if (limits.credits.balance !== undefined) headers["x-codex-credits-balance"] = limits.credits.balance;
  }
  return headers;
}

export type SseEvent = { type: string; [key: string]: unknown };

/** Splits text into word-sized chunks (keeping whitespace) so clients must join deltas. */
export function deltaChunks(text: string): string[] {
  const chunks = text.match(/\s*\S+\s*/g);
  return chunks && chunks.join("") === text ? chunks : [text];
}

const ID_PREFIX: Record<OutputItem["type"], string> = {
  message: "msg",
  reasoning: "rs",
  function_call: "fc",
  custom_tool_call: "ctc",
  local_shell_call: "lsh",
  web_search_call: "ws",
};

function itemEvents(raw: OutputItem, outputIndex: number, responseId: string): SseEvent[] {
  const item = { ...raw, id: raw.id ?? `${ID_PREFIX[raw.type]}_${responseId}_${outputIndex}` } as OutputItem & {
    id: string;
  };
  const base = { item_id: item.id, output_index: outputIndex };
  const events: SseEvent[] = [];
  const added = structuredClone(item) as Record<string, unknown>;
  if (item.type === "message") added["content"] = [];
  if (item.type === "reasoning") added["summary"] = [];
  if (item.type === "function_call") added["arguments"] = "";
  if (item.type === "custom_tool_call") added["input"] = "";
  if (item.type !== "web_search_call" && item.type !== "local_shell_call") added["status"] = "in_progress";
  events.push({ type: "response.output_item.added", output_index: outputIndex, item: added });
  switch (item.type) {
    case "message":
      item.content.forEach((part, contentIndex) => {
        for (const delta of deltaChunks(part.text)) {
          events.push({ type: "response.output_text.delta", ...base, content_index: contentIndex, delta });
        }
      });
      break;
    case "reasoning":
      item.summary.forEach((part, summaryIndex) => {
        events.push({
          type: "response.reasoning_summary_part.added",
          ...base,
          summary_index: summaryIndex,
          part: { type: "summary_text", text: "" },
        });
        for (const delta of deltaChunks(part.text)) {
          events.push({ type: "response.reasoning_summary_text.delta", ...base, summary_index: summaryIndex, delta });
        }
      });
      (item.content ?? []).forEach((part, contentIndex) => {
        for (const delta of deltaChunks(part.text)) {
          events.push({ type: "response.reasoning_text.delta", ...base, content_index: contentIndex, delta });
        }
      });
      break;
    case "function_call":
      events.push({ type: "response.function_call_arguments.delta", ...base, delta: item.arguments });
      break;
    case "custom_tool_call":
      for (const delta of deltaChunks(item.input)) {
        events.push({ type: "response.custom_tool_call_input.delta", ...base, delta });
      }
      break;
    default:
      break;
  }
  events.push({ type: "response.output_item.done", output_index: outputIndex, item });
  return events;
}

/** The full SSE event sequence for a turn, in the order the server sends it. */
export function turnEvents(scripted: Turn, responseId: string, createdAt: number): SseEvent[] {
  const model = scripted.model ?? "mock-model";
  const events: SseEvent[] = [
    {
      type: "response.created",
      response: { id: responseId, object: "response", created_at: createdAt, status: "in_progress", model, output: [] },
    },
  ];
  scripted.items.forEach((item, index) => {
    events.push(...itemEvents(item, index, responseId));
  });
  if (scripted.failed) {
    events.push({
      type: "response.failed",
      response: {
        id: responseId,
        object: "response",
        created_at: createdAt,
        status: "failed",
        model,
        error: scripted.failed,
        usage: null,
      },
    });
  } else {
    events.push({
      type: "response.completed",
      response: {
        id: responseId,
        object: "response",
        created_at: createdAt,
        status: "completed",
        model,
        usage: usageOf(scripted.usage),
      },
    });
  }
  return events.map((event, sequence) => ({ ...event, sequence_number: sequence }));
}

export function encodeSseEvent(event: SseEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}
