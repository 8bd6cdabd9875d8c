import type { JsonSchema } from "./json-schema.js";

/** `{type: "function"}`: a JSON-arguments tool. */
export interface FunctionToolSpec {
  type: "function";
  name: string;
  description: string;
  strict: boolean;
  parameters: JsonSchema;
}

/** The format of a freeform (custom) tool: its input is constrained by a grammar. */
export interface FreeformToolFormat {
  type: "grammar";
  syntax: "lark" | "regex";
  definition: string;
}

/** `{type: "custom"}`: a freeform tool whose input is raw text, not JSON. */
export interface FreeformToolSpec {
  type: "custom";
  name: string;
  description: string;
  format: FreeformToolFormat;
}

/** The Responses API built-in local shell tool (codex-mini style models). */
export interface LocalShellToolSpec {
  type: "local_shell";
}

/** The Responses API built-in web search; `external_web_access` picks live (true) or cached (false). */
export interface WebSearchToolSpec {
  type: "web_search";
  external_web_access?: boolean;
  filters?: { allowed_domains?: string[] };
  user_location?: {
    type: "approximate";
    country?: string;
    region?: string;
    city?: string;
    timezone?: string;
  };
  search_context_size?: "low" | "medium" | "high";
}

/** One entry of the Responses API request's `tools` array. */
export type ToolSpec = FunctionToolSpec | FreeformToolSpec | LocalShellToolSpec | WebSearchToolSpec;

/** The name the model uses to call a tool (built-ins are named after their type). */
export function toolSpecName(spec: ToolSpec): string {
  switch (spec.type) {
    case "function":
    case "custom":
      return spec.name;
    case "local_shell":
      return "local_shell";
    case "web_search":
      return "web_search";
  }
}

/** A function tool with upstream's defaults: `strict: false`. */
export function functionTool(name: string, description: string, parameters: JsonSchema): FunctionToolSpec {
  return { type: "function", name, description, strict: false, parameters };
}
