import { describe, expect, it } from "vitest";
import { buildToolSpecs } from "./build-tool-specs.js";
import { toolSpecName } from "./tool-spec.js";

const names = (options: Parameters<typeof buildToolSpecs>[0]) => buildToolSpecs(options).map(toolSpecName);

describe("buildToolSpecs", () => {
  it("defaults to shell, update_plan and view_image", () => {
    expect(names({})).toEqual(["shell", "update_plan", "view_image"]);
  });

  it("unified exec offers exec_command and write_stdin", () => {
    expect(names({ shellType: "unified_exec", viewImage: false })).toEqual([
      "exec_command",
      "write_stdin",
      "update_plan",
    ]);
  });

  it("other shell flavours", () => {
    expect(buildToolSpecs({ shellType: "local", planTool: false, viewImage: false })).toEqual([{ type: "local_shell" }]);
    expect(names({ shellType: "shell_command", viewImage: false })).toEqual(["shell_command", "update_plan"]);
    expect(names({ shellType: "disabled", viewImage: false })).toEqual(["update_plan"]);
  });

  it("apply_patch flavour", () => {
    const freeform = buildToolSpecs({ applyPatchToolType: "freeform" }).find((s) => toolSpecName(s) === "apply_patch");
    expect(freeform?.type).toBe("custom");
    const fn = buildToolSpecs({ applyPatchToolType: "function" }).find((s) => toolSpecName(s) === "apply_patch");
    expect(fn?.type).toBe("function");
    expect(names({}).includes("apply_patch")).toBe(false);
  });

  it("experimental tools only when listed", () => {
    expect(names({ experimentalSupportedTools: ["read_file", "list_dir", "grep_files"], viewImage: false })).toEqual([
      "shell",
      "update_plan",
      "grep_files",
      "read_file",
      "list_dir",
    ]);
  });

  it("web search modes", () => {
    expect(names({}).includes("web_search")).toBe(false);
    expect(buildToolSpecs({ webSearchMode: "cached" })).toContainEqual({
      type: "web_search",
      external_web_access: false,
    });
    expect(buildToolSpecs({ webSearchMode: "live" })).toContainEqual({ type: "web_search", external_web_access: true });
  });

  it("passes exec options through", () => {
    const [exec] = buildToolSpecs({ shellType: "unified_exec", allowLoginShell: false, execPermissionApprovals: true });
    expect(exec?.type === "function" && Object.keys(exec.parameters.type === "object" ? exec.parameters.properties : {}))
      .toContain("additional_permissions");
  });

  it("appends MCP tools sorted by qualified name, then dynamic tools", () => {
    const specs = buildToolSpecs({
      viewImage: false,
      planTool: false,
      shellType: "disabled",
      mcpTools: [
        { serverName: "zeta", tool: { name: "b", inputSchema: { type: "object" } } },
        { serverName: "alpha", tool: { name: "a", description: "A", inputSchema: { type: "object" } } },
      ],
      dynamicTools: [{ name: "lookup", description: "Look up", inputSchema: { type: "object", properties: {} } }],
    });
    expect(specs.map(toolSpecName)).toEqual(["mcp__alpha__a", "mcp__zeta__b", "lookup"]);
  });
});
