import { describe, expect, it } from "vitest";
import { formatKeyPath, formatTomlKeyPath, parseKeyPath, quoteTomlString } from "./key-path.js";

describe("parseKeyPath", () => {
  it("splits bare dotted keys", () => {
    expect(parseKeyPath("sandbox_workspace_write.network_access")).toEqual([
      "sandbox_workspace_write",
      "network_access",
    ]);
  });

  it("keeps dots inside quoted segments", () => {
    expect(parseKeyPath('projects."/a/b.c".trust_level')).toEqual([
      "projects",
      "/a/b.c",
      "trust_level",
    ]);
    expect(parseKeyPath("profiles.'my.profile'.model")).toEqual(["profiles", "my.profile", "model"]);
  });

  it("falls back to splitting on dots for keys that are not TOML", () => {
    expect(parseKeyPath("mcp_servers.my server.command")).toEqual([
      "mcp_servers",
      "my server",
      "command",
    ]);
  });

  it("rejects empty keys and empty segments", () => {
    expect(parseKeyPath("")).toBeUndefined();
    expect(parseKeyPath("  ")).toBeUndefined();
    expect(parseKeyPath("a..b")).toBeUndefined();
    expect(parseKeyPath(".a")).toBeUndefined();
  });
});

describe("formatting", () => {
  it("joins display paths without quoting", () => {
    expect(formatKeyPath(["projects", "/tmp/p", "trust_level"])).toBe("projects./tmp/p.trust_level");
    expect(formatKeyPath(["hooks", 0, "name"])).toBe("hooks.0.name");
  });

  it("quotes TOML key segments only when needed", () => {
    expect(formatTomlKeyPath(["projects", "/tmp/p", "trust_level"])).toBe(
      'projects."/tmp/p".trust_level',
    );
    expect(formatTomlKeyPath(["a-b_1"])).toBe("a-b_1");
  });

  it("escapes strings for TOML", () => {
    expect(quoteTomlString('say "hi"\n\u007f')).toBe('"say \\"hi\\"\\n\\u007F"');
  });
});
