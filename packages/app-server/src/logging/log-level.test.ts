import { describe, expect, it } from "vitest";
import { logLevelFromEnv, parseLogFilter } from "./log-level.js";

describe("parseLogFilter", () => {
  it("reads a bare level", () => {
    expect(parseLogFilter("debug")).toBe("debug");
    expect(parseLogFilter("WARNING")).toBe("warn");
    expect(parseLogFilter("off")).toBe("off");
  });

  it("takes the most verbose directive that applies to codex targets", () => {
    expect(parseLogFilter("warn,codex_app_server=debug")).toBe("debug");
    expect(parseLogFilter("error,hyper=trace")).toBe("error");
    expect(parseLogFilter("codex_core=trace")).toBe("trace");
  });

  it("ignores filters without a usable directive", () => {
    expect(parseLogFilter("hyper=debug")).toBeUndefined();
    expect(parseLogFilter("loud")).toBeUndefined();
  });
});

describe("logLevelFromEnv", () => {
  it("prefers CODEX_LOG over RUST_LOG and defaults to warn", () => {
    expect(logLevelFromEnv({ CODEX_LOG: "info", RUST_LOG: "trace" })).toBe("info");
    expect(logLevelFromEnv({ RUST_LOG: "trace" })).toBe("trace");
    expect(logLevelFromEnv({ CODEX_LOG: " " })).toBe("warn");
    expect(logLevelFromEnv({})).toBe("warn");
  });
});
