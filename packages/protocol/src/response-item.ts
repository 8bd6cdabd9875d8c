import { z } from "zod";
import {
  type ContentItem,
  type ReasoningContentText,
  type ReasoningSummaryText,
  contentItemSchema,
  reasoningContentTextSchema,
  reasoningSummaryTextSchema,
} from "./content-item.js";

/**
 * An item of model-visible history (upstream `ResponseItem`): what is sent as Responses API `input` and what the
 * model returns in `output`. Tagged by `type`, snake_case fields. Values parsed from outside keep any fields this
 * type does not name, so a newer writer's data survives a round trip.
 */
export type ResponseItem =
  | MessageResponseItem
  | ReasoningResponseItem
  | LocalShellCallResponseItem
  | FunctionCallResponseItem
  | FunctionCallOutputResponseItem
  | CustomToolCallResponseItem
  | CustomToolCallOutputResponseItem
  | WebSearchCallResponseItem
  | ImageGenerationCallResponseItem
  | CompactionResponseItem
  | AdditionalToolsResponseItem;

export type ResponseItemType = ResponseItem["type"];

export interface MessageResponseItem {
  type: "message";
  id?: string;
  role: "user" | "assistant" | "system" | "developer" | (string & {});
  content: ContentItem[];
  end_turn?: boolean;
  phase?: string;
}

export interface ReasoningResponseItem {
  type: "reasoning";
  id?: string;
  summary: ReasoningSummaryText[];
  content?: ReasoningContentText[] | null;
  encrypted_content?: string | null;
}

export type CallStatus = "in_progress" | "completed" | "incomplete";

export interface LocalShellExecAction {
  type: "exec";
  command: string[];
  timeout_ms?: number | null;
  working_directory?: string | null;
  env?: Record<string, string> | null;
  user?: string | null;
}

export interface LocalShellCallResponseItem {
  type: "local_shell_call";
  id?: string | null;
  call_id?: string | null;
  status: CallStatus;
  action: LocalShellExecAction;
}

export interface FunctionCallResponseItem {
  type: "function_call";
  id?: string;
  name: string;
  namespace?: string;
  /** JSON-encoded arguments, exactly as the model produced them. */
  arguments: string;
  call_id: string;
}

/** Tool output: plain text, or content parts (text and images). */
export type FunctionCallOutputBody = string | ContentItem[];

export interface FunctionCallOutputResponseItem {
  type: "function_call_output";
  id?: string;
  call_id: string;
  output: FunctionCallOutputBody;
}

export interface CustomToolCallResponseItem {
  type: "custom_tool_call";
  id?: string;
  status?: string;
  call_id: string;
  name: string;
  /** Free-form input (e.g. a patch for `apply_patch`). */
  input: string;
}

export interface CustomToolCallOutputResponseItem {
  type: "custom_tool_call_output";
  id?: string;
  call_id: string;
  name?: string;
  output: FunctionCallOutputBody;
}

/** What a web search did: `search` (query), `open_page` (url), `find_in_page` (url, pattern), or newer kinds. */
export interface WebSearchAction {
  type: "search" | "open_page" | "find_in_page" | (string & {});
  query?: string;
  queries?: string[];
  url?: string;
  pattern?: string;
}

export interface WebSearchCallResponseItem {
  type: "web_search_call";
  id?: string;
  status?: string;
  action?: WebSearchAction;
}

export interface ImageGenerationCallResponseItem {
  type: "image_generation_call";
  id: string;
  status: string;
  revised_prompt?: string | null;
  /** Base64 image data. */
  result: string;
}

/** Opaque compacted history returned by remote compaction. */
export interface CompactionResponseItem {
  type: "compaction";
  encrypted_content: string;
}

/** Tool specs added to the context mid-thread (newer upstream versions). */
export interface AdditionalToolsResponseItem {
  type: "additional_tools";
  id?: string;
  role?: string;
  tools: unknown[];
}

const outputBody = z.union([z.string(), z.array(contentItemSchema)]);

export const responseItemSchema: z.ZodType<ResponseItem> = z.discriminatedUnion("type", [
  z.looseObject({
    type: z.literal("message"),
    id: z.string().optional(),
    role: z.string(),
    content: z.array(contentItemSchema),
    end_turn: z.boolean().optional(),
    phase: z.string().optional(),
  }),
  z.looseObject({
    type: z.literal("reasoning"),
    id: z.string().optional(),
    summary: z.array(reasoningSummaryTextSchema),
    content: z.array(reasoningContentTextSchema).nullable().optional(),
    encrypted_content: z.string().nullable().optional(),
  }),
  z.looseObject({
    type: z.literal("local_shell_call"),
    id: z.string().nullable().optional(),
    call_id: z.string().nullable().optional(),
    status: z.enum(["in_progress", "completed", "incomplete"]),
    action: z.looseObject({
      type: z.literal("exec"),
      command: z.array(z.string()),
      timeout_ms: z.number().nullable().optional(),
      working_directory: z.string().nullable().optional(),
      env: z.record(z.string(), z.string()).nullable().optional(),
      user: z.string().nullable().optional(),
    }),
  }),
  z.looseObject({
    type: z.literal("function_call"),
    id: z.string().optional(),
    name: z.string(),
    namespace: z.string().optional(),
    arguments: z.string(),
    call_id: z.string(),
  }),
  z.looseObject({
    type: z.literal("function_call_output"),
    id: z.string().optional(),
    call_id: z.string(),
    output: outputBody,
  }),
  z.looseObject({
    type: z.literal("custom_tool_call"),
    id: z.string().optional(),
    status: z.string().optional(),
    call_id: z.string(),
    name: z.string(),
    input: z.string(),
  }),
  z.looseObject({
    type: z.literal("custom_tool_call_output"),
    id: z.string().optional(),
    call_id: z.string(),
    name: z.string().optional(),
    output: outputBody,
  }),
  z.looseObject({
    type: z.literal("web_search_call"),
    id: z.string().optional(),
    status: z.string().optional(),
    action: z
      .looseObject({
        type: z.string(),
        query: z.string().optional(),
        queries: z.array(z.string()).optional(),
        url: z.string().optional(),
        pattern: z.string().optional(),
      })
      .optional(),
  }),
  z.looseObject({
    type: z.literal("image_generation_call"),
    id: z.string(),
    status: z.string(),
    revised_prompt: z.string().nullable().optional(),
    result: z.string(),
  }),
  z.looseObject({ type: z.literal("compaction"), encrypted_content: z.string() }),
  z.looseObject({
    type: z.literal("additional_tools"),
    id: z.string().optional(),
    role: z.string().optional(),
    tools: z.array(z.unknown()),
  }),
]);

/** Every `ResponseItem` type this version knows. */
export const RESPONSE_ITEM_TYPES: readonly ResponseItemType[] = [
  "message",
  "reasoning",
  "local_shell_call",
  "function_call",
  "function_call_output",
  "custom_tool_call",
  "custom_tool_call_output",
  "web_search_call",
  "image_generation_call",
  "compaction",
  "additional_tools",
];
