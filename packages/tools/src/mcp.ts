import { createHash } from "node:crypto";
import { sanitizeJsonSchema } from "./json-schema.js";
import { type FunctionToolSpec, functionTool } from "./tool-spec.js";

/** Prefix and delimiter of qualified MCP tool names: `mcp__<server>__<tool>`. */
export const MCP_TOOL_NAME_PREFIX = "mcp";
export const MCP_TOOL_NAME_DELIMITER = "__";
/** The Responses API limit on tool name length. */
export const MAX_TOOL_NAME_LENGTH = 64;

/** An MCP tool as listed by `tools/list` (only the fields the spec needs). */
export interface McpTool {
  name: string;
  description?: string;
  inputSchema?: unknown;
}

/** Replaces every character outside `[A-Za-z0-9_-]` with `_`; an empty name becomes `_`. */
export function sanitizeToolName(name: string): string {
  let out = "";
  for (const ch of name) out += /^[A-Za-z0-9_-]$/.test(ch) ? ch : "_";
  return out === "" ? "_" : out;
}

function sha1Hex(value: string): string {
  return createHash("sha1").update(value, "utf8").digest("hex");
}

/** The unsanitised qualified name, `mcp__<server>__<tool>`. */
export function rawMcpToolName(serverName: string, toolName: string): string {
  return `${MCP_TOOL_NAME_PREFIX}${MCP_TOOL_NAME_DELIMITER}${serverName}${MCP_TOOL_NAME_DELIMITER}${toolName}`;
}

/**
 * The name the model sees for an MCP tool: `mcp__<server>__<tool>` sanitised to `[A-Za-z0-9_-]`. Names longer
 * than 64 characters keep their first 24 characters followed by the 40-character SHA-1 (hex) of the raw name,
 * so distinct long names stay distinct and stable.
 */
export function qualifyMcpToolName(serverName: string, toolName: string): string {
  const raw = rawMcpToolName(serverName, toolName);
  const sanitized = sanitizeToolName(raw);
  if (sanitized.length <= MAX_TOOL_NAME_LENGTH) return sanitized;
  const hash = sha1Hex(raw);
  return sanitized.slice(0, MAX_TOOL_NAME_LENGTH - hash.length) + hash;
}

/** Converts an MCP tool into the function spec offered to the model. */
export function mcpToolToSpec(serverName: string, tool: McpTool): FunctionToolSpec {
  return schemaTool(qualifyMcpToolName(serverName, tool.name), tool.description ?? "", tool.inputSchema);
}

/** A tool supplied at thread start by an app-server client (`dynamicTools`), executed by that client. */
export interface DynamicTool {
  name: string;
  description: string;
  inputSchema: unknown;
}

export function dynamicToolToSpec(tool: DynamicTool): FunctionToolSpec {
  return schemaTool(tool.name, tool.description, tool.inputSchema);
}

function schemaTool(name: string, description: string, inputSchema: unknown): FunctionToolSpec {
  const base: Record<string, unknown> =
    typeof inputSchema === "object" && inputSchema !== null && !Array.isArray(inputSchema)
      ? { ...(inputSchema as Record<string, unknown>) }
      : { type: "object" };
  // The model requires a `properties` map on the top-level object, even when empty.
  if (base["properties"] === undefined) base["properties"] = {};
  return functionTool(name, description, sanitizeJsonSchema(base));
}

export interface QualifiedMcpTool {
  qualifiedName: string;
  serverName: string;
  toolName: string;
  spec: FunctionToolSpec;
}

/**
 * Qualifies the tools of several servers at once. A repeated raw `server/tool` pair, or a second tool whose
 * qualified name collides with an earlier one, is skipped (the first one wins), as upstream does.
 */
export function qualifyMcpTools(tools: Iterable<{ serverName: string; tool: McpTool }>): QualifiedMcpTool[] {
  const seenRaw = new Set<string>();
  const used = new Set<string>();
  const out: QualifiedMcpTool[] = [];
  for (const { serverName, tool } of tools) {
    const raw = rawMcpToolName(serverName, tool.name);
    if (seenRaw.has(raw)) continue;
    seenRaw.add(raw);
    const qualifiedName = qualifyMcpToolName(serverName, tool.name);
    if (used.has(qualifiedName)) continue;
    used.add(qualifiedName);
    out.push({ qualifiedName, serverName, toolName: tool.name, spec: mcpToolToSpec(serverName, tool) });
  }
  return out;
}
