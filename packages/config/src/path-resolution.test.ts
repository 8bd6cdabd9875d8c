import { absolutePath } from "@codex-ts/utils-absolute-path";
import { describe, expect, it } from "vitest";
import { resolveConfigPaths } from "./path-resolution.js";

const base = absolutePath("/work/proj/.codex");

describe("resolveConfigPaths", () => {
  it("resolves relative paths against the base folder and expands ~", () => {
    const original = {
      model: "keep/as/is",
      model_instructions_file: "instructions.md",
      log_dir: "~/logs",
      sqlite_home: "/abs/state",
      experimental_compact_prompt_file: "../prompts/compact.md",
      sandbox_workspace_write: { writable_roots: ["build", "/opt/out", "~"], network_access: true },
      mcp_servers: { docs: { command: "npx", cwd: "servers/docs" }, web: { url: "http://x" } },
      profiles: { fast: { model_instructions_file: "fast.md", model: "o3" } },
    };
    expect(resolveConfigPaths(original, base, "/home/me")).toEqual({
      model: "keep/as/is",
      model_instructions_file: "/work/proj/.codex/instructions.md",
      log_dir: "/home/me/logs",
      sqlite_home: "/abs/state",
      experimental_compact_prompt_file: "/work/proj/prompts/compact.md",
      sandbox_workspace_write: {
        writable_roots: ["/work/proj/.codex/build", "/opt/out", "/home/me"],
        network_access: true,
      },
      mcp_servers: { docs: { command: "npx", cwd: "/work/proj/.codex/servers/docs" }, web: { url: "http://x" } },
      profiles: { fast: { model_instructions_file: "/work/proj/.codex/fast.md", model: "o3" } },
    });
    expect(original.log_dir).toBe("~/logs");
  });

  it("leaves values of the wrong type for validation to report", () => {
    const table = { log_dir: 5, sandbox_workspace_write: { writable_roots: "build" } };
    expect(resolveConfigPaths(table, base, "/home/me")).toEqual(table);
  });
});
