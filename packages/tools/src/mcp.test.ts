import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { validateJsonSchema } from "./json-schema.js";
import { mcpToolToSpec, qualifyMcpToolName, qualifyMcpTools, sanitizeToolName } from "./mcp.js";

describe("MCP tool names", () => {
  it("qualifies as mcp__server__tool", () => {
    expect(qualifyMcpToolName("github", "create_issue")).toBe("mcp__github__create_issue");
  });

  it("replaces characters outside [A-Za-z0-9_-]", () => {
    expect(qualifyMcpToolName("my.server", "tool with space/é")).toBe("mcp__my_server__tool_with_space__");
    expect(qualifyMcpToolName("srv-1", "get-thing")).toBe("mcp__srv-1__get-thing");
    expect(sanitizeToolName("")).toBe("_");
  });

  it("truncates long names with a SHA-1 suffix of the raw name", () => {
    const tool = "x".repeat(80);
    const raw = `mcp__server__${tool}`;
    const name = qualifyMcpToolName("server", tool);
    expect(name).toHaveLength(64);
    const sha = createHash("sha1").update(raw).digest("hex");
    expect(name).toBe(`${raw.slice(0, 24)}${sha}`);
    expect(name).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(qualifyMcpToolName("server", "y".repeat(80))).not.toBe(name);
  });

  it("keeps names of exactly 64 characters", () => {
    const tool = "t".repeat(64 - "mcp__s__".length);
    expect(qualifyMcpToolName("s", tool)).toBe(`mcp__s__${tool}`);
  });

  it("skips duplicates, first one wins", () => {
    const out = qualifyMcpTools([
      { serverName: "s", tool: { name: "a.b" } },
      { serverName: "s", tool: { name: "a_b" } },
      { serverName: "s", tool: { name: "a.b" } },
      { serverName: "s", tool: { name: "c" } },
    ]);
    expect(out.map((t) => [t.qualifiedName, t.toolName])).toEqual([
      ["mcp__s__a_b", "a.b"],
      ["mcp__s__c", "c"],
    ]);
  });
});

describe("mcpToolToSpec", () => {
  it("converts name, description and schema", () => {
    const spec = mcpToolToSpec("fs", {
      name: "read",
      description: "Read a file",
      inputSchema: { type: "object", properties: { path: { type: "string" } }, required: ["path"] },
    });
    expect(spec).toEqual({
      type: "function",
      name: "mcp__fs__read",
      description: "Read a file",
      strict: false,
      parameters: { type: "object", properties: { path: { type: "string" } }, required: ["path"] },
    });
  });

  it("adds properties and infers missing types", () => {
    const spec = mcpToolToSpec("s", {
      name: "t",
      inputSchema: {
        type: "object",
        properties: {
          level: { enum: ["a", "b"] },
          count: { type: ["integer", "null"] },
          tags: { type: "array" },
          anything: true,
          nested: { properties: { n: { minimum: 0 } } },
        },
      },
    });
    expect(spec.description).toBe("");
    expect(spec.parameters).toEqual({
      type: "object",
      properties: {
        level: { type: "string", enum: ["a", "b"] },
        count: { type: "integer" },
        tags: { type: "array", items: { type: "string" } },
        anything: { type: "string" },
        nested: { type: "object", properties: { n: { type: "number", minimum: 0 } } },
      },
    });
    expect(validateJsonSchema(spec.parameters)).toEqual([]);
    expect(mcpToolToSpec("s", { name: "t" }).parameters).toEqual({ type: "object", properties: {} });
  });
});
