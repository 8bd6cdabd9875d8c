import { describe, expect, it } from "vitest";
import { findUnknownKeys } from "./unknown-keys.js";

describe("findUnknownKeys", () => {
  it("finds unknown keys at the top level and in closed tables", () => {
    expect(
      findUnknownKeys({
        model: "o3",
        foo: 1,
        sandbox_workspace_write: { network_access: true, netwrok_access: true },
        mcp_servers: { docs: { command: "x", comand: "y" } },
        profiles: { fast: { model: "m", bogus: true } },
        projects: { "/p": { trust_level: "trusted", extra: 1 } },
      }),
    ).toEqual([
      ["foo"],
      ["sandbox_workspace_write", "netwrok_access"],
      ["mcp_servers", "docs", "comand"],
      ["profiles", "fast", "bogus"],
      ["projects", "/p", "extra"],
    ]);
  });

  it("ignores keys inside open tables", () => {
    expect(
      findUnknownKeys({
        features: { anything_goes: true, also: { nested: 1 } },
        tui: { theme: "dark" },
        hooks: { Stop: [{ matcher: "x" }] },
        tools: { future_tool: true },
      }),
    ).toEqual([]);
  });

  it("judges union values by their best-matching branch", () => {
    expect(findUnknownKeys({ otel: { exporter: { "otlp-http": { endpoint: "e", typo: 1 } } } })).toEqual([
      ["otel", "exporter", "otlp-http", "typo"],
    ]);
  });

  it("does not look inside values of the wrong type", () => {
    expect(findUnknownKeys({ history: "none", notify: [{ x: 1 }] })).toEqual([]);
  });
});
