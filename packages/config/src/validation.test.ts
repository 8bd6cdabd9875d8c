import { describe, expect, it } from "vitest";
import { validateConfigTable } from "./validation.js";
import type { TomlTable } from "./toml-value.js";

function issuesOf(table: TomlTable) {
  const result = validateConfigTable(table);
  if (result.ok) {
    throw new Error("expected validation to fail");
  }
  return result.issues;
}

describe("validateConfigTable", () => {
  it("accepts a full config and keeps unknown keys", () => {
    const result = validateConfigTable({
      model: "o3",
      approval_policy: "on-request",
      sandbox_mode: "workspace-write",
      sandbox_workspace_write: { writable_roots: ["/tmp/x"], network_access: true },
      mcp_servers: { docs: { command: "npx", args: ["-y", "docs"] }, web: { url: "https://x" } },
      model_providers: { az: { name: "Azure", base_url: "https://a", wire_api: "responses" } },
      features: { web_search_request: true, some_table_feature: { a: 1 } },
      forced_chatgpt_workspace_id: ["a", "b"],
      otel: { exporter: { "otlp-http": { endpoint: "http://x", protocol: "json" } } },
      tui: { anything: 1 },
      mystery: { value: 1 },
    });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.config.mystery).toEqual({ value: 1 });
      expect(result.config.sandbox_workspace_write?.writable_roots).toEqual(["/tmp/x"]);
    }
  });

  it.each<[TomlTable, string, (string | number)[]]>([
    [{ sandbox_workspace_write: { network_access: "true" } }, 'invalid type: string "true", expected a boolean', ["sandbox_workspace_write", "network_access"]],
    [{ model: 5 }, "invalid type: integer 5, expected a string", ["model"]],
    [{ model: true }, "invalid type: boolean true, expected a string", ["model"]],
    [{ model_context_window: 1.5 }, "invalid type: floating point 1.5, expected an integer", ["model_context_window"]],
    [{ notify: "say" }, 'invalid type: string "say", expected a sequence', ["notify"]],
    [{ notify: ["a", 2] }, "invalid type: integer 2, expected a string", ["notify", 1]],
    [{ history: "none" }, 'invalid type: string "none", expected a map', ["history"]],
    [
      { approval_policy: "sometimes" },
      "unknown variant `sometimes`, expected one of `untrusted`, `on-failure`, `on-request`, `never`",
      ["approval_policy"],
    ],
    [{ projects: { "/p": { trust_level: "maybe" } } }, "unknown variant `maybe`, expected `trusted` or `untrusted`", ["projects", "/p", "trust_level"]],
    [{ history: { max_bytes: -1 } }, "invalid value: integer -1, expected a non-negative number", ["history", "max_bytes"]],
    [{ forced_chatgpt_workspace_id: 3 }, "invalid type: integer 3, expected a string or a sequence", ["forced_chatgpt_workspace_id"]],
    [{ features: { x: "yes" } }, 'invalid type: string "yes", expected a boolean or a map', ["features", "x"]],
    [{ otel: { exporter: "otlp" } }, "unknown variant `otlp`, expected `none` or a map", ["otel", "exporter"]],
  ])("describes %j", (table, message, path) => {
    expect(issuesOf(table)[0]).toEqual({ path, message, target: "value" });
  });

  it("reports a missing field at the table that lacks it", () => {
    expect(issuesOf({ mcp_servers: { docs: { args: ["x"] } } })[0]).toEqual({
      path: ["mcp_servers", "docs"],
      message: "missing field `command`",
      target: "table",
    });
    expect(issuesOf({ model_providers: { az: { base_url: "x" } } })[0]).toEqual({
      path: ["model_providers", "az"],
      message: "missing field `name`",
      target: "table",
    });
  });

  it("rejects mixing stdio and HTTP MCP settings", () => {
    expect(issuesOf({ mcp_servers: { docs: { command: "x", url: "http://y" } } })[0]?.message).toBe(
      "`command` and `url` cannot both be set: use `command` for a stdio server or `url` for a streamable HTTP server",
    );
    expect(issuesOf({ mcp_servers: { docs: { url: "http://y", args: ["a"] } } })[0]).toEqual({
      path: ["mcp_servers", "docs", "args"],
      message: "`args` is not supported for a streamable HTTP server (`url` is set)",
      target: "key",
    });
  });

  it("rejects MCP server names outside [A-Za-z0-9_-]", () => {
    expect(issuesOf({ mcp_servers: { "my server": { command: "x" } } })[0]).toEqual({
      path: ["mcp_servers", "my server"],
      message: 'invalid MCP server name "my server": use only letters, digits, `_` and `-`',
      target: "key",
    });
  });

  it("requires absolute paths once relative ones have been resolved", () => {
    expect(issuesOf({ log_dir: "logs" })[0]?.message).toBe(
      'invalid value: string "logs", expected an absolute path',
    );
  });
});
