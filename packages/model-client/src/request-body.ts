import type { ResponseItem } from "@codex-ts/protocol";

export type ReasoningEffort = "none" | "minimal" | "low" | "medium" | "high" | "xhigh";
export type ReasoningSummary = "auto" | "concise" | "detailed" | "none";

/** What the caller asks for; the client adds the fixed fields. */
export interface ResponsesPrompt {
  model: string;
  instructions: string;
  input: readonly ResponseItem[];
  /** Tool specs, passed through as JSON. */
  tools?: readonly unknown[];
  parallelToolCalls?: boolean;
  reasoning?: { effort?: ReasoningEffort; summary?: ReasoningSummary };
  /** Defaults to `["reasoning.encrypted_content"]` when `reasoning` is set. */
  include?: readonly string[];
  /** Usually the thread id. */
  promptCacheKey?: string;
  /** Defaults to false (stateless: the full history is sent each turn). */
  store?: boolean;
  serviceTier?: string;
  text?: Record<string, unknown>;
}

/** The JSON body of `POST /responses`, field names as on the wire. */
export interface ResponsesApiRequest {
  model: string;
  instructions: string;
  input: readonly ResponseItem[];
  tools: readonly unknown[];
  tool_choice: "auto";
  parallel_tool_calls: boolean;
  reasoning: { effort?: ReasoningEffort; summary?: ReasoningSummary } | null;
  store: boolean;
  stream: true;
  include: readonly string[];
  service_tier?: string;
  prompt_cache_key?: string;
  text?: Record<string, unknown>;
}

export function buildRequestBody(prompt: ResponsesPrompt): ResponsesApiRequest {
  const body: ResponsesApiRequest = {
    model: prompt.model,
    instructions: prompt.instructions,
    input: prompt.input,
    tools: prompt.tools ?? [],
    tool_choice: "auto",
    parallel_tool_calls: prompt.parallelToolCalls ?? false,
    reasoning: prompt.reasoning ?? null,
    store: prompt.store ?? false,
    stream: true,
    include: prompt.include ?? (prompt.reasoning ? ["reasoning.encrypted_content"] : []),
  };
  if (prompt.serviceTier !== undefined) body.service_tier = prompt.serviceTier;
  if (prompt.promptCacheKey !== undefined) body.prompt_cache_key = prompt.promptCacheKey;
  if (prompt.text !== undefined) body.text = prompt.text;
  return body;
}
