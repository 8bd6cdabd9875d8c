// Compaction: ask the model to summarise the conversation, then replace the history with the initial
// context, the most recent user messages and the summary.
import type { ModelClient } from "@codex-ts/model-client";
import type { ContentItem, ResponseItem, TokenUsage } from "@codex-ts/protocol";
import type { ThreadConfig } from "./thread-config.js";

export const DEFAULT_COMPACT_PROMPT = `You are handing this task over to another instance of yourself that will continue it with none of this conversation. Write a summary it can work from:
- the user's goal and any constraints or preferences they stated;
- what has been done so far: files read or changed, commands run and what they showed, decisions made and why;
- what is left to do, as concrete next steps;
- anything surprising or unresolved (failing tests, open questions).
Be concise and specific; include paths, names and exact error messages where they matter.`;

/** Prefix of the summary message, so the model knows earlier turns were condensed. */
export const SUMMARY_PREFIX =
  "Another instance of you worked on this task before; the conversation was condensed. Its summary follows:";

/** Budget (approximate tokens, 4 bytes each) for the user messages kept verbatim. */
const KEPT_USER_MESSAGES_TOKENS = 20_000;

export interface CompactionInput {
  client: ModelClient;
  config: ThreadConfig;
  history: readonly ResponseItem[];
  initialContext: ResponseItem[];
  signal: AbortSignal;
  threadId: string;
}

export interface CompactionResult {
  summary: string;
  replacement: ResponseItem[];
  usage: TokenUsage | undefined;
}

function textOf(content: readonly ContentItem[]): string {
  return content.map((part) => ("text" in part ? part.text : "")).join("");
}

function isContextMessage(text: string): boolean {
  return text.startsWith("<environment_context>") || text.startsWith("# AGENTS.md instructions") || text.startsWith(SUMMARY_PREFIX);
}

/** Real user messages (not injected context), newest last, within the token budget. */
export function recentUserMessages(history: readonly ResponseItem[]): ResponseItem[] {
  const messages = history.filter(
    (item): item is Extract<ResponseItem, { type: "message" }> =>
      item.type === "message" && item.role === "user" && !isContextMessage(textOf(item.content)),
  );
  const kept: ResponseItem[] = [];
  let budget = KEPT_USER_MESSAGES_TOKENS * 4;
  for (let i = messages.length - 1; i >= 0 && budget > 0; i -= 1) {
    const message = messages[i]!;
    budget -= Buffer.byteLength(textOf(message.content), "utf8");
    if (budget < 0 && kept.length > 0) break;
    kept.unshift({ type: "message", role: "user", content: message.content.filter((part) => part.type === "input_text") });
  }
  return kept;
}

export async function compactHistory(input: CompactionInput): Promise<CompactionResult> {
  const prompt = input.config.compactPrompt ?? DEFAULT_COMPACT_PROMPT;
  let summary = "";
  let usage: TokenUsage | undefined;
  const request = [...input.history, { type: "message" as const, role: "user", content: [{ type: "input_text" as const, text: prompt }] }];
  for await (const event of input.client.stream(
    { model: input.config.model, instructions: input.config.baseInstructions, input: request, tools: [], promptCacheKey: input.threadId },
    { signal: input.signal },
  )) {
    if (event.type === "output_item_done" && event.item.type === "message" && event.item.role === "assistant") {
      summary += textOf(event.item.content);
    } else if (event.type === "completed") {
      usage = event.tokenUsage;
    }
  }
  const replacement: ResponseItem[] = [
    ...input.initialContext,
    ...recentUserMessages(input.history),
    { type: "message", role: "user", content: [{ type: "input_text", text: `${SUMMARY_PREFIX}\n${summary}` }] },
  ];
  return { summary, replacement, usage };
}
