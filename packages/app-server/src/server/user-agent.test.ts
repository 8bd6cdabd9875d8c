import { describe, expect, it } from "vitest";
import { buildUserAgent, isHeaderValue, platformOf, terminalUserAgent } from "./user-agent.js";

describe("buildUserAgent", () => {
  it("follows the upstream layout", () => {
    const agent = buildUserAgent({ serverVersion: "1.2.3", clientName: "my_client", clientVersion: "0.1.0", env: {} });
    expect(agent).toMatch(/^my_client\/1\.2\.3 \(.+ .+; .+\) unknown \(my_client; 0\.1\.0\)$/);
  });

  it("uses the originator override and sanitises a version with control characters", () => {
    const agent = buildUserAgent({
      serverVersion: "1.0.0",
      clientName: "näme",
      clientVersion: "1\n2",
      env: { CODEX_INTERNAL_ORIGINATOR_OVERRIDE: "codex_vscode", TERM: "xterm-256color" },
    });
    expect(agent.startsWith("codex_vscode/1.0.0 (")).toBe(true);
    expect(agent.endsWith(" xterm-256color (n_me; 1_2)")).toBe(true);
  });
});

describe("terminalUserAgent", () => {
  it("prefers TERM_PROGRAM with its version and sanitises", () => {
    expect(terminalUserAgent({ TERM_PROGRAM: "iTerm.app", TERM_PROGRAM_VERSION: "3.5.0", TERM: "xterm" })).toBe("iTerm.app/3.5.0");
    expect(terminalUserAgent({ TERM_PROGRAM: "My Term" })).toBe("My_Term");
    expect(terminalUserAgent({ WEZTERM_VERSION: "2024" })).toBe("WezTerm/2024");
    expect(terminalUserAgent({})).toBe("unknown");
  });
});

describe("isHeaderValue and platformOf", () => {
  it("rejects control characters", () => {
    expect(isHeaderValue("ok name\t1")).toBe(true);
    expect(isHeaderValue("bad\nname")).toBe(false);
    expect(isHeaderValue("del\x7f")).toBe(false);
  });

  it("maps platforms", () => {
    expect(platformOf("linux")).toEqual({ platformFamily: "unix", platformOs: "linux" });
    expect(platformOf("darwin")).toEqual({ platformFamily: "unix", platformOs: "macos" });
    expect(platformOf("win32")).toEqual({ platformFamily: "windows", platformOs: "windows" });
  });
});
