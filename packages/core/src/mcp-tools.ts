// The seam MCP servers plug into: a source of tools (listed per turn, offered to the model under their
// qualified `mcp__server__tool` names) and of tool calls. The MCP client package implements it.
import type { McpToolCallResult } from "@codex-ts/protocol";
import { type McpTool, type QualifiedMcpTool, qualifyMcpTools } from "@codex-ts/tools";

export interface McpToolSource {
  /** Tools of every connected server. */
  listTools(options: { signal: AbortSignal }): Promise<Array<{ serverName: string; tool: McpTool }>>;
  /** Calls one tool; `isError` marks a result the server reported as a failure. */
  callTool(
    serverName: string,
    toolName: string,
    args: unknown,
    options: { signal: AbortSignal },
  ): Promise<McpToolCallResult & { isError?: boolean }>;
}

/** The tools offered for one turn, by the name the model calls them with. */
export class McpToolSet {
  private readonly byName = new Map<string, QualifiedMcpTool>();

  constructor(
    readonly source: McpToolSource | undefined,
    tools: Array<{ serverName: string; tool: McpTool }> = [],
  ) {
    for (const qualified of qualifyMcpTools(tools)) this.byName.set(qualified.qualifiedName, qualified);
    this.raw = tools;
  }

  /** As passed to `buildToolSpecs({ mcpTools })`. */
  readonly raw: Array<{ serverName: string; tool: McpTool }>;

  static async load(source: McpToolSource | undefined, signal: AbortSignal): Promise<McpToolSet> {
    if (!source) return new McpToolSet(undefined);
    return new McpToolSet(source, await source.listTools({ signal }));
  }

  lookup(name: string): QualifiedMcpTool | undefined {
    return this.byName.get(name);
  }
}

/** The text the model gets back from an MCP call: its text parts, else the content as JSON. */
export function mcpResultText(result: McpToolCallResult): string {
  const parts = result.content as Array<{ type?: string; text?: string }>;
  if (parts.length > 0 && parts.every((part) => part.type === "text" && typeof part.text === "string")) {
    return parts.map((part) => part.text).join("\n");
  }
  return JSON.stringify(result.structuredContent ?? result.content);
}
