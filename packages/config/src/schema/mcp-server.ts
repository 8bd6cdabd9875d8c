import { z } from "zod";
import { absolutePathString, anyTable, closedTable, count, stringMap } from "./table-kinds.js";

const STDIO_ONLY = ["args", "env", "env_vars", "cwd"] as const;
const HTTP_ONLY = ["bearer_token_env_var", "http_headers", "env_http_headers"] as const;

/** Valid MCP server names (the key under `[mcp_servers]`). */
export const MCP_SERVER_NAME = /^[A-Za-z0-9_-]+$/;

/**
 * `[mcp_servers.<name>]`: a stdio server (`command`) or a streamable HTTP server (`url`), plus settings
 * common to both.
 */
export const mcpServerSchema = closedTable({
  command: z.string().optional().describe("Program to start (stdio transport)."),
  args: z.array(z.string()).optional().describe("Arguments for `command`."),
  env: stringMap().optional().describe("Environment variables set for the server."),
  env_vars: z
    .array(z.union([z.string(), anyTable()]))
    .optional()
    .describe("Names of further environment variables passed through to the server."),
  cwd: absolutePathString().optional().describe("Working folder for the server."),
  url: z.string().optional().describe("Endpoint of a streamable HTTP server."),
  bearer_token_env_var: z
    .string()
    .optional()
    .describe("Environment variable holding a bearer token for the HTTP server."),
  http_headers: stringMap().optional(),
  env_http_headers: stringMap().optional(),
  startup_timeout_sec: z.number().nonnegative().optional().describe("Seconds to wait for startup."),
  startup_timeout_ms: count().optional().describe("Legacy form of `startup_timeout_sec`."),
  tool_timeout_sec: z.number().nonnegative().optional().describe("Seconds to wait for a tool call."),
  enabled: z.boolean().optional().describe("Set to false to keep the server configured but off."),
  required: z.boolean().optional().describe("Fail startup when this server cannot start."),
  enabled_tools: z.array(z.string()).optional().describe("Only offer these tools."),
  disabled_tools: z.array(z.string()).optional().describe("Never offer these tools."),
  scopes: z.array(z.string()).optional(),
  oauth_resource: z.string().optional(),
  oauth: anyTable().optional(),
  default_tools_approval_mode: z.string().optional(),
  tools: anyTable().optional(),
  supports_parallel_tool_calls: z.boolean().optional(),
}).superRefine((server, context) => {
  const hasCommand = server.command !== undefined;
  const hasUrl = server.url !== undefined;
  if (!hasCommand && !hasUrl) {
    context.addIssue({
      code: "custom",
      path: [],
      message: "missing field `command`",
      params: { target: "table" },
    });
    return;
  }
  if (hasCommand && hasUrl) {
    context.addIssue({
      code: "custom",
      path: ["url"],
      message:
        "`command` and `url` cannot both be set: use `command` for a stdio server or `url` for a streamable HTTP server",
      params: { target: "key" },
    });
    return;
  }
  const [foreign, transport] = hasCommand
    ? ([HTTP_ONLY, "a stdio server (`command` is set)"] as const)
    : ([STDIO_ONLY, "a streamable HTTP server (`url` is set)"] as const);
  for (const field of foreign) {
    if (server[field] !== undefined) {
      context.addIssue({
        code: "custom",
        path: [field],
        message: `\`${field}\` is not supported for ${transport}`,
        params: { target: "key" },
      });
    }
  }
});
export type McpServerConfig = z.output<typeof mcpServerSchema>;

/** `[mcp_servers]`: servers by name. */
export const mcpServersSchema = z
  .record(
    z.string().regex(MCP_SERVER_NAME, {
      error: (issue) =>
        `invalid MCP server name ${JSON.stringify(issue.input)}: use only letters, digits, \`_\` and \`-\``,
    }),
    mcpServerSchema,
  )
  .describe("MCP servers the agent can use, by name.");
