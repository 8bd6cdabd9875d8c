import { describe, expect, it } from "vitest";
import { APPLY_PATCH_LARK_GRAMMAR, createApplyPatchFreeformTool, createApplyPatchFunctionTool } from "./apply-patch-tool.js";
import { createGrepFilesTool, createListDirTool, createReadFileTool, createViewImageTool } from "./file-tools.js";
import { type JsonSchema, type JsonSchemaObject, validateJsonSchema } from "./json-schema.js";
import { createUpdatePlanTool, PLAN_STEP_STATUSES } from "./plan-tool.js";
import { createExecCommandTool, createShellCommandTool, createShellTool, createWriteStdinTool } from "./shell-tools.js";
import type { FunctionToolSpec } from "./tool-spec.js";

function params(spec: FunctionToolSpec): JsonSchemaObject {
  expect(spec.parameters.type).toBe("object");
  return spec.parameters as JsonSchemaObject;
}

function typeOf(schema: JsonSchemaObject, key: string): JsonSchema["type"] | undefined {
  return schema.properties[key]?.type;
}

const ALL_FUNCTION_SPECS: FunctionToolSpec[] = [
  createExecCommandTool(),
  createExecCommandTool({ allowLoginShell: false, execPermissionApprovals: true }),
  createWriteStdinTool(),
  createShellTool(),
  createShellCommandTool(),
  createApplyPatchFunctionTool(),
  createReadFileTool(),
  createListDirTool(),
  createGrepFilesTool(),
  createUpdatePlanTool(),
  createViewImageTool(),
  createViewImageTool({ canRequestOriginalDetail: true }),
];

describe("function tool specs", () => {
  it.each(ALL_FUNCTION_SPECS.map((s) => [s.name, s] as const))("%s has a valid closed schema", (_name, spec) => {
    expect(spec.type).toBe("function");
    expect(spec.strict).toBe(false);
    expect(spec.description.length).toBeGreaterThan(0);
    expect(validateJsonSchema(spec.parameters)).toEqual([]);
    expect(params(spec).additionalProperties).toBe(false);
    // Round-trips through JSON unchanged (no undefined fields, no functions).
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });

  it("exec_command", () => {
    const p = params(createExecCommandTool());
    expect(Object.keys(p.properties)).toEqual([
      "cmd",
      "justification",
      "login",
      "max_output_tokens",
      "prefix_rule",
      "sandbox_permissions",
      "shell",
      "tty",
      "workdir",
      "yield_time_ms",
    ]);
    expect(p.required).toEqual(["cmd"]);
    expect(typeOf(p, "tty")).toBe("boolean");
    expect(typeOf(p, "login")).toBe("boolean");
    expect(typeOf(p, "yield_time_ms")).toBe("number");
    expect(typeOf(p, "max_output_tokens")).toBe("number");
    expect(p.properties["prefix_rule"]).toMatchObject({ type: "array", items: { type: "string" } });
  });

  it("exec_command without login and with permission approvals", () => {
    const p = params(createExecCommandTool({ allowLoginShell: false, execPermissionApprovals: true }));
    expect(p.properties["login"]).toBeUndefined();
    const extra = p.properties["additional_permissions"] as JsonSchemaObject;
    expect(Object.keys(extra.properties)).toEqual(["network", "file_system"]);
    expect(p.properties["sandbox_permissions"]?.description).toContain("with_additional_permissions");
  });

  it("write_stdin", () => {
    const spec = createWriteStdinTool();
    expect(spec.name).toBe("write_stdin");
    const p = params(spec);
    expect(Object.keys(p.properties).sort()).toEqual(["chars", "max_output_tokens", "session_id", "yield_time_ms"]);
    expect(p.required).toEqual(["session_id"]);
    expect(typeOf(p, "session_id")).toBe("number");
    expect(typeOf(p, "chars")).toBe("string");
  });

  it("shell and shell_command", () => {
    const shell = params(createShellTool());
    expect(shell.required).toEqual(["command"]);
    expect(shell.properties["command"]).toMatchObject({ type: "array", items: { type: "string" } });
    expect(typeOf(shell, "timeout_ms")).toBe("number");
    expect(shell.properties["login"]).toBeUndefined();
    const command = params(createShellCommandTool());
    expect(createShellCommandTool().name).toBe("shell_command");
    expect(typeOf(command, "command")).toBe("string");
    expect(typeOf(command, "login")).toBe("boolean");
  });

  it("apply_patch function form", () => {
    const spec = createApplyPatchFunctionTool();
    expect(spec.name).toBe("apply_patch");
    expect(params(spec).required).toEqual(["input"]);
    expect(spec.description).toContain("*** Begin Patch");
  });

  it("read_file, list_dir, grep_files", () => {
    const read = params(createReadFileTool());
    expect(read.required).toEqual(["file_path"]);
    const indentation = read.properties["indentation"] as JsonSchemaObject;
    expect(Object.keys(indentation.properties).sort()).toEqual([
      "anchor_line",
      "include_header",
      "include_siblings",
      "max_levels",
      "max_lines",
    ]);
    expect(indentation.required).toBeUndefined();
    const list = params(createListDirTool());
    expect(list.required).toEqual(["dir_path"]);
    expect(Object.keys(list.properties).sort()).toEqual(["depth", "dir_path", "limit", "offset"]);
    const grep = params(createGrepFilesTool());
    expect(grep.required).toEqual(["pattern"]);
    expect(Object.keys(grep.properties).sort()).toEqual(["include", "limit", "path", "pattern"]);
  });

  it("update_plan", () => {
    const spec = createUpdatePlanTool();
    expect(spec.name).toBe("update_plan");
    const p = params(spec);
    expect(p.required).toEqual(["plan"]);
    expect(typeOf(p, "explanation")).toBe("string");
    const plan = p.properties["plan"];
    expect(plan?.type).toBe("array");
    const item = (plan as { items: JsonSchemaObject }).items;
    expect(item.required).toEqual(["step", "status"]);
    expect(item.additionalProperties).toBe(false);
    expect(PLAN_STEP_STATUSES).toEqual(["pending", "in_progress", "completed"]);
    for (const status of PLAN_STEP_STATUSES) expect(item.properties["status"]?.description).toContain(status);
  });

  it("view_image", () => {
    const p = params(createViewImageTool());
    expect(createViewImageTool().name).toBe("view_image");
    expect(Object.keys(p.properties)).toEqual(["path"]);
    expect(p.required).toEqual(["path"]);
    expect(Object.keys(params(createViewImageTool({ canRequestOriginalDetail: true })).properties)).toEqual([
      "detail",
      "path",
    ]);
  });
});

describe("apply_patch freeform", () => {
  it("is a custom tool with a lark grammar", () => {
    const spec = createApplyPatchFreeformTool();
    expect(spec).toMatchObject({ type: "custom", name: "apply_patch", format: { type: "grammar", syntax: "lark" } });
    expect(spec.format.definition).toBe(APPLY_PATCH_LARK_GRAMMAR);
  });

  it("grammar names every marker of the patch format", () => {
    for (const marker of [
      "*** Begin Patch",
      "*** End Patch",
      "*** Add File: ",
      "*** Delete File: ",
      "*** Update File: ",
      "*** Move to: ",
      "*** End of File",
      '"@@"',
    ]) {
      expect(APPLY_PATCH_LARK_GRAMMAR).toContain(marker);
    }
    expect(APPLY_PATCH_LARK_GRAMMAR.startsWith("start:")).toBe(true);
  });

  it("every marker line of a sample patch is a literal in the grammar", () => {
    const sample = [
      "*** Begin Patch",
      "*** Add File: a.txt",
      "+hello",
      "*** Update File: b.txt",
      "*** Move to: c.txt",
      "@@ def f():",
      " keep",
      "-old",
      "+new",
      "*** End of File",
      "*** Delete File: d.txt",
      "*** End Patch",
    ];
    for (const line of sample.filter((l) => l.startsWith("***"))) {
      const literal = line.includes(": ") ? line.slice(0, line.indexOf(": ") + 2) : line;
      expect(APPLY_PATCH_LARK_GRAMMAR).toContain(`"${literal}"`);
    }
  });
});

describe("validateJsonSchema", () => {
  it("reports problems", () => {
    expect(validateJsonSchema({ type: "object" })).toEqual(["#: object schema needs a properties map"]);
    expect(validateJsonSchema({ type: "array" })[0]).toContain("#/items");
    expect(validateJsonSchema({ type: "object", properties: {}, required: ["x"] })[0]).toContain("x");
    expect(validateJsonSchema({ type: "tuple" })[0]).toContain("unsupported");
  });
});
